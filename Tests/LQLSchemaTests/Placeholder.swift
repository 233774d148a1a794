import Testing

@Test func packageBuilds_LQLSchemaTests() { #expect(Bool(true)) }
