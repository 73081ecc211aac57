package com.acme.hr;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class LdapLookup {
    private static final String URL = "jdbc:mysql://hr-db:3306/rrhh";

    public Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "rrhh", "Ventas2023");
    }
}
