String password = System.getenv("DB_PASSWORD");
if (password.equals(confirm)) {
private char[] password;
ds.setPassword(props.getProperty("db.password"));
@Value("${db.password}") String password;
