using Microsoft.Extensions.Configuration;

public class Startup
{
    public Startup(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("DefaultConnection");
        var password = Environment.GetEnvironmentVariable("SMTP_PASSWORD");
        var apiKey = configuration["Stripe:SecretKey"];
    }
}
