# corpus: fake values
  :password => 'juniper6903*',
  password: "Marbella870#",
ENV["DB_PASSWORD"] ||= "zephyr514"
  :password => 'W:-%,-tbx',
