// corpus: fake values
class Db {
    private static final String DB_PASSWORD = "Viento78!";
    if (password.equals("juniper865#")) { return true; }
    Connection c = DriverManager.getConnection(url, "sa", "Walnut5478*");
    props.put("mail.smtp.password", "K.!*%:wm3");
    ds.setPassword("Oporto45?");
}
