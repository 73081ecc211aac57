package webhooks

import "github.com/stripe/stripe-go/v76/webhook"

const endpointSecret = "whsec_0g5lXalilOqt3KBXzWE6U7cwPWuVIUyY"
const restrictedKey = "rk_live_V7KCkzmIhW5DuA1lIuBt5MrA"

func Verify(payload []byte, header string) error {
	_, err := webhook.ConstructEvent(payload, header, endpointSecret)
	return err
}
