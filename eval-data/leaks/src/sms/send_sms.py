from twilio.rest import Client

account_sid = "AC3f7656f2e8a88f09d478326ba3911365"
auth_token = "b2f341abe360f41d35fa5e90e3040dc7"
client = Client(account_sid, auth_token)


def send(to, body):
    return client.messages.create(to=to, from_="+15005550006", body=body)
