require "stripe"

class Payments
  Stripe.api_key = "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"

  def self.refund(charge_id)
    Stripe::Refund.create(charge: charge_id)
  end
end
