using System.Text;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// After PostgreSQL is up, a one-shot step makes each service's role (its password from <see cref="LocalSecrets"/>) and
/// its database, owned by that role and closed to everyone else, and gives the postgres superuser a password for tests and
/// the benchmark. It runs at every start: a data folder from an earlier version (everything owned by postgres) is handed
/// over to the roles. The SQL goes through a root-only file, so no password shows in a process list.
/// </summary>
public static class PostgresRoles
{
    /// <summary>referralsdb → referrals: the role of the service that owns the database.</summary>
    public static string RoleOf(string database) => database.EndsWith("db", StringComparison.Ordinal) ? database[..^2] : database;

    public static IResourceBuilder<IResource> Add(
        IDistributedApplicationBuilder builder, LocalSettings settings, IResourceBuilder<IResource> postgres, IReadOnlyList<string> databases)
    {
        var script = Path.Combine(settings.DataDirectory, "secrets", "roles.sql");
        File.WriteAllText(script, Sql(settings, databases));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var sockets = Path.Combine(settings.DataDirectory, "postgres-run");
        var psql = Path.Combine(settings.PostgresBin, "psql");
        return builder.AddExecutable("postgres-roles", "bash", settings.DataDirectory, "-c",
                $"setpriv --reuid=postgres --regid=postgres --init-groups -- '{psql}' -X -q -h '{sockets}' " +
                $"-p {settings.PostgresPort} -U postgres -d postgres -v ON_ERROR_STOP=1 < '{script}' && echo 'Roles ready'")
            .WaitFor(postgres)
            .ExcludeFromManifest();
    }

    private static string Sql(LocalSettings settings, IReadOnlyList<string> databases)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"ALTER ROLE postgres PASSWORD '{LocalSecrets.Get(settings.DataDirectory, "postgres")}';");
        foreach (var database in databases)
        {
            var role = RoleOf(database);
            sql.AppendLine($$"""
                DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{role}}') THEN CREATE ROLE "{{role}}"; END IF; END $$;
                ALTER ROLE "{{role}}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{{LocalSecrets.Get(settings.DataDirectory, role)}}';
                SELECT 'CREATE DATABASE "{{database}}" OWNER "{{role}}"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '{{database}}')\gexec
                ALTER DATABASE "{{database}}" OWNER TO "{{role}}";
                REVOKE ALL ON DATABASE "{{database}}" FROM PUBLIC;
                GRANT CONNECT, TEMPORARY ON DATABASE "{{database}}" TO "{{role}}";
                \c "{{database}}"
                ALTER SCHEMA public OWNER TO "{{role}}";
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT format('ALTER TABLE %I.%I OWNER TO %I', schemaname, tablename, '{{role}}') AS s
                           FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '{{role}}' LOOP
                    EXECUTE r.s;
                  END LOOP;
                END $$;
                \c postgres
                """);
        }

        return sql.ToString();
    }
}
