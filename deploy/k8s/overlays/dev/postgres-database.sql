-- One service's database: owned by the migrations user (Flyway, DDL), used by the runtime user
-- (rows only). Run as a superuser or a role with CREATEDB and CREATEROLE, once per database:
--   psql -v db=identity -v owner=spaceduck_migrations -v app=spaceduck_app -f postgres-database.sql
-- Both roles must exist. Objects Flyway creates later are granted to the runtime user by the
-- default privileges below, so no migration needs a GRANT of its own.
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
\connect :"db"
-- PostgreSQL 15+ lets only the database owner create in schema public; older versions let
-- everybody: take that away, so the runtime user cannot create tables on any version.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT EXECUTE ON FUNCTIONS TO :"app";
