require "pg"
require "redis"

DB = PG.connect(host: "db.internal", dbname: "catalog", user: "catalog", password: "u03ez8lHY*jqMv4")
CACHE = Redis.new(url: "redis://:hdyus_JAc0xLs7Z7Pc@cache.internal:6379/0")
