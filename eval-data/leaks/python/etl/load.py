import psycopg2


def connect():
    return psycopg2.connect(
        host="warehouse.internal",
        dbname="dw",
        user="etl",
        password="4P-Ro5CqJBmkgg",
    )
