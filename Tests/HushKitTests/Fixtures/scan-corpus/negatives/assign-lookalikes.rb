password: ENV["DB_PASSWORD"],
password: ENV.fetch("DB_PASSWORD"),
:password => nil,
password_confirmation = params[:password_confirmation]
