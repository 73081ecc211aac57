using System.Data.SqlClient;

namespace Payroll.Data
{
    public static class Db
    {
        private const string ConnectionString =
            "Server=payroll-sql;Database=Payroll;User Id=sa;Password=7ZZIZ%gLcT5E;";

        public static SqlConnection Open()
        {
            var conn = new SqlConnection(ConnectionString);
            conn.Open();
            return conn;
        }
    }
}
