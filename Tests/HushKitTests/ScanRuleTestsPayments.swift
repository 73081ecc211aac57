@testable import HushKit

// Unit samples of the payment rules (fake values from `Fake`, never real credentials).
extension RuleCases {
    static let payments: [RuleCase] = [
        RuleCase(
            "stripe-secret-key",
            hits: ["STRIPE_SECRET_KEY=sk_live_\(F.s(F.alnum, 99))", "Stripe.apiKey = \"rk_live_\(F.s(F.alnum, 24))\";", "sk_test_\(F.s(F.alnum, 24))"],
            misses: ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_live_\(F.s(F.alnum, 24))", "sk_live_\(F.s(F.alnum, 10))", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "stripe-webhook-secret", hits: ["STRIPE_WEBHOOK_SECRET=whsec_\(F.s(F.alnum, 32))"],
            misses: ["whsec_\(F.s(F.alnum, 10))", "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "square-access-token", hits: ["SQUARE_ACCESS_TOKEN=EAAA\(F.s(F.base64url, 60))", "sq0atp-\(F.s(F.base64url, 22))"],
            misses: ["EAAA\(F.s(F.alnum, 20))", "sq0atp-XXXXXXXXXXXXXXXXXXXXXX"]),
        RuleCase(
            "square-oauth-secret", hits: ["SQUARE_APP_SECRET=sq0csp-\(F.s(F.base64url, 43))"],
            misses: ["sq0csp-\(F.s(F.alnum, 20))", "sq0csp-<application secret>"]),
        RuleCase(
            "braintree-access-token", hits: ["BT_TOKEN=access_token$production$\(F.s(F.lowerAlnum, 16))$\(F.s(F.hex, 32))"],
            misses: ["access_token$production$", "access_token$production$\(F.s(F.lowerAlnum, 16))$\(F.s(F.hex, 10))"]),
        RuleCase(
            "paypal-client-secret", hits: ["PAYPAL_CLIENT_SECRET=E\(F.s(F.base64url, 79))"],
            misses: ["PAYPAL_CLIENT_SECRET=E\(F.s(F.base64url, 20))", "PAYPAL_CLIENT_ID=A\(F.s(F.base64url, 79))"]),
        RuleCase(
            "shopify-token", hits: ["SHOPIFY_ACCESS_TOKEN=shpat_\(F.s(F.hex, 32))", "shared_secret: shpss_\(F.s(F.hex, 32))"],
            misses: ["shpat_\(F.s(F.hex, 16))", "shpat_00000000000000000000000000000000", "shpat_\(F.s(F.alnum, 32))x"]),
        RuleCase(
            "adyen-api-key", hits: ["ADYEN_API_KEY=AQEyhmfx\(F.s(F.base64, 200))"], misses: ["AQE\(F.s(F.alnum, 40))", "AQEXXXXXXX"]),
        RuleCase(
            "razorpay-key-secret", hits: ["RAZORPAY_KEY_SECRET=\(F.s(F.alnum, 24))"],
            misses: ["RAZORPAY_KEY_SECRET=\(F.s(F.alnum, 10))", "RAZORPAY_KEY_ID=rzp_test_\(F.s(F.alnum, 14))"]),
        RuleCase(
            "razorpay-key-id", hits: ["key_id: rzp_live_\(F.s(F.alnum, 14))"], misses: ["rzp_test_\(F.s(F.alnum, 14))", "rzp_live_\(F.s(F.alnum, 8))"]),
        RuleCase(
            "flutterwave-secret-key", hits: ["FLW_SECRET_KEY=FLWSECK-\(F.s(F.hex, 32))-X", "FLWSECK_TEST-\(F.s(F.hex, 32))-X"],
            misses: ["FLWSECK-\(F.s(F.hex, 10))-X", "FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X"]),
        RuleCase(
            "flutterwave-encryption-key", hits: ["FLW_ENCRYPTION_KEY=FLWSECK_TEST\(F.s(F.hex, 12))"], misses: ["FLWSECK_TEST\(F.s(F.hex, 6))", "FLWSECK_TEST-"]),
        RuleCase(
            "plaid-access-token", hits: ["access_token = \"access-production-\(F.uuid())\""],
            misses: ["access-sandbox-\(F.uuid())", "access-production-00000000-0000-0000-0000-000000000000"]),
        RuleCase(
            "plaid-secret", hits: ["PLAID_SECRET=\(F.s(F.hex, 30))"], misses: ["PLAID_SECRET=\(F.s(F.hex, 12))", "PLAID_ENV=sandbox"]),
        RuleCase(
            "gocardless-access-token", hits: ["GOCARDLESS_ACCESS_TOKEN=live_\(F.s(F.base64url, 40))"],
            misses: ["live_\(F.s(F.alnum, 12))", "live_reload_enabled_for_development_builds"]),
        RuleCase(
            "mollie-api-key", hits: ["MOLLIE_API_KEY=live_\(F.s(F.alnum, 30))"], misses: ["test_\(F.s(F.alnum, 30))", "live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "lob-api-key", hits: ["LOB_API_KEY=live_\(F.s(F.hex, 35))"], misses: ["live_\(F.s(F.hex, 20))", "test_\(F.s(F.hex, 35))"]),
        RuleCase(
            "shippo-api-token", hits: ["SHIPPO_API_TOKEN=shippo_live_\(F.s(F.hex, 40))"], misses: ["shippo_live_\(F.s(F.hex, 20))", "shippo_live_<token>"]),
        RuleCase(
            "easypost-api-key", hits: ["EASYPOST_API_KEY=EZAK\(F.s(F.alnum, 54))"],
            misses: ["EZAK\(F.s(F.alnum, 20))", "EZAKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"]),
        RuleCase(
            "duffel-api-token", hits: ["DUFFEL_ACCESS_TOKEN=duffel_live_\(F.s(F.base64url, 43))"],
            misses: ["duffel_live_\(F.s(F.alnum, 10))", "duffel_test_<your token>"]),
        RuleCase(
            "woocommerce-api-key", hits: ["consumer_key: ck_\(F.s(F.hex, 40))", "WC_SECRET=cs_\(F.s(F.hex, 40))"],
            misses: ["ck_\(F.s(F.hex, 20))", "cs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "coinbase-api-secret", hits: ["COINBASE_API_SECRET=\(F.s(F.base64, 64))=="],
            misses: ["COINBASE_API_SECRET=\(F.s(F.base64, 16))", "coinbase_secret: ${COINBASE}"]),
        RuleCase(
            "binance-api-secret", hits: ["BINANCE_API_SECRET=\(F.s(F.alnum, 64))"], misses: ["BINANCE_API_SECRET=\(F.s(F.alnum, 32))", "binance_key: null"]),
        RuleCase(
            "paystack-secret-key", hits: ["PAYSTACK_SECRET_KEY=sk_live_\(F.s(F.hex, 40))"],
            misses: ["PAYSTACK_PUBLIC_KEY=pk_live_\(F.s(F.hex, 40))", "PAYSTACK_SECRET_KEY=sk_live_\(F.s(F.hex, 20))"]),
        RuleCase(
            "checkout-secret-key", hits: ["CKO_SECRET_KEY=sk_sbox_\(F.s(F.lowerAlnum, 26))"],
            misses: ["sk_sbox_\(F.s(F.lowerAlnum, 10))", "pk_sbox_\(F.s(F.lowerAlnum, 26))"]),
    ]
}
