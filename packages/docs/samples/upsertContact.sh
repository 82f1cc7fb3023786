curl --request POST "https://api.usehatchapp.com/v1/contacts" \
  --header "Authorization: Bearer $HATCH_API_KEY" \
  --header "Content-Type: application/json" \
  --data '{
    "source": "custom:website-quote-form",
    "firstName": "Dana",
    "lastName": "Whitfield",
    "email": "dana.whitfield@example.com",
    "phoneNumber": "6364618187",
    "externalID": "lead-20931",
    "details": { "service": "water heater replacement" }
  }'
