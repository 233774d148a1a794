import LQL
import LQLSchema
import Testing

/// Prisma native types decide a bind's cast where LQL's own type would bind as something else.
@Suite struct NativeTypeBindTests {
    static let schema = """
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }
    model Tenant {
      id    String  @id @db.Uuid
      slug  String  @unique
      hosts Host[]
    }
    model Host {
      id       String   @id @db.Uuid
      tenantId String   @db.Uuid
      tenant   Tenant   @relation(fields: [tenantId], references: [id])
      address  String   @db.Inet
      label    String   @db.VarChar(40)
      bornOn   DateTime @db.Date
      seenAt   DateTime @db.Timestamp(3)
      price    Decimal  @db.Money
    }
    """

    func sql(_ query: String) throws -> String {
        let read = PrismaSchemaReader.read(SourceFile(name: "s.prisma", text: Self.schema))
        let catalog = try #require(read.catalog, "\(read.diagnostics.map(\.message))")
        let result = LQLCompiler.compile(source: SourceFile(name: "q.lql", text: query), catalog: catalog)
        return try #require(result.program?.statements.first, "\(result.diagnostics.map(\.message))").sql.text
    }

    @Test func eachNativeTypeCastsItsBind() throws {
        #expect(try sql(#"Host | where id == "0a000000-0000-4000-8000-00000000000a" | count"#).contains(#"t."id" = $2::uuid"#))
        #expect(try sql(#"Host | where address == "10.0.0.1" | count"#).contains("$2::inet"))
        #expect(try sql(#"Host | where label == "web" | count"#).contains("$2::text"))
        #expect(try sql("Host | where bornOn >= @2025-01-01 | count").contains("$2::date"))
        let seen = try sql("Host | where seenAt < @2025-01-01 | count")
        #expect(seen.contains("< $2::timestamp") && !seen.contains("timestamptz"), "\(seen)")
        #expect(try sql("Host | where price > 10 | count").contains("$2::money"))
        #expect(try sql(#"Host | where id in ["a", "b"] | count"#).contains("$2::uuid[]"))
        #expect(try sql(#"Host | where id ~ "0a00" | count"#).contains(#"t."id"::text ILIKE"#))
        // A value on the left is cast the same way.
        #expect(try sql(#"Host | where "10.0.0.1" == address | count"#).contains("$2::inet = "))
    }
}
