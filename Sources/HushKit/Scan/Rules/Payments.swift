// Payments and commerce: Stripe, Square, PayPal/Braintree, Shopify and others.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let payments: [ScanRule] = [
        // Stripe: sk_ secret and rk_ restricted keys, live and test mode; publishable pk_ keys
        // are public and not reported.
        token(
            "stripe-secret-key", "Stripe secret or restricted API key",
            keywords: ["sk_live_", "rk_live_", "sk_test_", "rk_test_"],
            start + #"(?<secret>[sr]k_(?:live|test)_[A-Za-z0-9]{24,247})(?![A-Za-z0-9])"#),
        token(
            "stripe-webhook-secret", "Stripe webhook signing secret", keywords: ["whsec_"],
            start + #"(?<secret>whsec_[A-Za-z0-9+/]{32,88})"# + end64),
        // Square: production access tokens (EAAA…, sq0atp-) and application secrets (sq0csp-).
        token(
            "square-access-token", "Square access token (production or sandbox)", keywords: ["sq0atp-", "sq0atb-", "eaaa"],
            start + #"(?<secret>sq0at[pb]-[A-Za-z0-9_-]{22}|EAAA[A-Za-z0-9_-]{60})"# + end),
        token(
            "square-oauth-secret", "Square application (OAuth) secret (production or sandbox)", keywords: ["sq0csp-", "sq0csb-"],
            #"(?<![A-Za-z0-9_])(?<secret>(?:sandbox-)?sq0cs[pb]-[A-Za-z0-9_-]{43})"# + end),
        // PayPal through Braintree: access_token$production$merchant$hex.
        token(
            "braintree-access-token", "PayPal Braintree access token",
            keywords: ["access_token$production$", "access_token$sandbox$"],
            #"(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})"#),
        named(
            "paypal-client-secret", "PayPal REST API client secret", keywords: ["paypal"],
            name: #"paypal[A-Za-z_.-]{0,20}secret"#, value: #"E[A-Za-z0-9_-]{79}"#),
        token(
            "shopify-token", "Shopify access token (custom app, private app, partner or shared secret)",
            keywords: ["shpat_", "shpca_", "shppa_", "shpss_"],
            start + #"(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9])"#),
        token(
            "adyen-api-key", "Adyen API key", keywords: ["aqe"],
            start + #"(?<secret>AQE[a-zA-Z0-9]{3}[A-Za-z0-9+/=_.-]{150,300})"#),
        named(
            "razorpay-key-secret", "Razorpay key secret", keywords: ["razorpay", "rzp_"],
            name: #"razorpay[A-Za-z_.-]{0,20}secret|rzp[A-Za-z_.-]{0,20}secret"#, value: #"[A-Za-z0-9]{24}"#),
        token(
            "razorpay-key-id", "Razorpay live key id", keywords: ["rzp_live_"],
            start + #"(?<secret>rzp_live_[A-Za-z0-9]{14})(?![A-Za-z0-9])"#),
        token(
            "flutterwave-secret-key", "Flutterwave secret key", keywords: ["flwseck"],
            start + #"(?<secret>FLWSECK(?:_TEST)?-[A-Za-z0-9]{32}-X)"#),
        token(
            "flutterwave-encryption-key", "Flutterwave encryption key", keywords: ["flwseck_test"],
            start + #"(?<secret>FLWSECK_TEST-?[A-Za-z0-9]{12})(?![A-Za-z0-9])"#),
        token(
            "plaid-access-token", "Plaid access token", keywords: ["access-production-", "access-development-"],
            start + #"(?<secret>access-(?:production|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"#),
        token(
            "gocardless-access-token", "GoCardless live access token", keywords: ["live_"],
            start + #"(?<secret>live_[A-Za-z0-9_=-]{40})"# + end),
        token(
            "mollie-api-key", "Mollie live API key", keywords: ["live_"],
            start + #"(?<secret>live_[A-Za-z0-9]{30})(?![A-Za-z0-9_=-])"#),
        token(
            "lob-api-key", "Lob live API key", keywords: ["live_"],
            start + #"(?<secret>live_[a-f0-9]{35})(?![A-Za-z0-9_=-])"#),
        token(
            "shippo-api-token", "Shippo API token", keywords: ["shippo_live_", "shippo_test_"],
            start + #"(?<secret>shippo_(?:live|test)_[a-f0-9]{40})"# + end),
        token(
            "easypost-api-key", "EasyPost API key", keywords: ["ezak", "eztk"],
            start + #"(?<secret>EZ[AT]K[A-Za-z0-9]{54})(?![A-Za-z0-9])"#),
        token(
            "duffel-api-token", "Duffel API token", keywords: ["duffel_live_", "duffel_test_"],
            start + #"(?<secret>duffel_(?:live|test)_[A-Za-z0-9_=-]{43})"# + end),
        token(
            "woocommerce-api-key", "WooCommerce REST API consumer key or secret", keywords: ["ck_", "cs_"],
            start + #"(?<secret>c[ks]_[a-f0-9]{40})(?![A-Za-z0-9])"#),
        named(
            "coinbase-api-secret", "Coinbase API secret", keywords: ["coinbase"],
            name: #"coinbase[A-Za-z_.-]{0,20}secret"#, value: #"[A-Za-z0-9+/]{32,88}={0,2}"#),
        named(
            "binance-api-secret", "Binance API key or secret", keywords: ["binance"],
            name: #"binance[A-Za-z_.-]{0,20}(?:secret|key)"#, value: #"[A-Za-z0-9]{64}"#),
        named(
            "paystack-secret-key", "Paystack secret key", keywords: ["paystack"],
            name: #"paystack[A-Za-z_.-]{0,20}(?:secret|key)"#, value: #"sk_(?:live|test)_[a-f0-9]{40}"#),
        token(
            "checkout-secret-key", "Checkout.com secret key", keywords: ["sk_sbox_"],
            start + #"(?<secret>sk_sbox_[a-z0-9]{26})"# + end),
    ]
}
