curl --request PUT "https://api.usehatchapp.com/v1/contacts" \
  --header "Authorization: Bearer $HATCH_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "source": "custom:website-quote-form",
    "phoneNumber": "6364618187",
    "status": "estimate scheduled"
  }'
