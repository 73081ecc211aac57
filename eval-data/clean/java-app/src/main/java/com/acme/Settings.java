package com.acme;

import java.io.Console;

public final class Settings {
    private final String dbPassword = System.getenv("DB_PASSWORD");
    private final String apiToken = System.getProperty("api.token");

    public char[] askPassword() {
        Console console = System.console();
        return console.readPassword("Password: ");
    }

    public boolean hasPassword() {
        return dbPassword != null && !dbPassword.isEmpty();
    }
}
