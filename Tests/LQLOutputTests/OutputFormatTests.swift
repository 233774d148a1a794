import LQLOutput
import Testing

private let columns = [
    OutputColumn(name: "id", typeOID: PostgresType.int4),
    OutputColumn(name: "name", typeOID: PostgresType.text),
    OutputColumn(name: "amount", typeOID: PostgresType.numeric),
    OutputColumn(name: "note", typeOID: PostgresType.text),
    OutputColumn(name: "ok", typeOID: PostgresType.bool),
]
private let rows: [[String?]] = [["1", "alice", "3.50", nil, "t"], ["22", "bo", "-12.125", "x", "f"]]

private func render(_ format: OutputFormat, _ columns: [OutputColumn], _ rows: [[String?]],
                    options: OutputOptions = OutputOptions()) throws -> String {
    let sink = MemorySink()
    let writer = makeWriter(format, to: sink, options: options)
    try writer.begin(columns: columns)
    for row in rows { try writer.write(row: row) }
    try writer.end()
    return sink.text
}

@Suite struct TableFormatTests {
    @Test func alignsLikePsql() throws {
        #expect(try render(.table, columns, rows) == """
             id | name  | amount  | note | ok 
            ----+-------+---------+------+----
              1 | alice |    3.50 |      | t
             22 | bo    | -12.125 | x    | f
            (2 rows)


            """)
    }

    @Test func oneRowFooterAndCentredHeader() throws {
        let cols = [OutputColumn(name: "longheadername", typeOID: PostgresType.text), OutputColumn(name: "n", typeOID: PostgresType.int4)]
        #expect(try render(.table, cols, [["a", "12"]]) == """
             longheadername | n  
            ----------------+----
             a              | 12
            (1 row)


            """)
    }

    @Test func wideAndCombiningCharactersCountByDisplayWidth() throws {
        let cols = [OutputColumn(name: "w", typeOID: PostgresType.text), OutputColumn(name: "combining", typeOID: PostgresType.text),
                    OutputColumn(name: "x", typeOID: PostgresType.int4)]
        #expect(try render(.table, cols, [["日本語", "e\u{301}", "1"]]) == """
               w    | combining | x 
            --------+-----------+---
             日本語 | e\u{301}         | 1
            (1 row)


            """)
    }

    @Test func multiLineValuesContinueWithPlus() throws {
        let cols = [OutputColumn(name: "ml", typeOID: PostgresType.text), OutputColumn(name: "other", typeOID: PostgresType.text),
                    OutputColumn(name: "n", typeOID: PostgresType.int4)]
        #expect(try render(.table, cols, [["line1\nline2", "z", "5"]]) == """
              ml   | other | n 
            -------+-------+---
             line1+| z     | 5
             line2 |       | 
            (1 row)


            """)
    }

    @Test func controlCharactersAreVisible() throws {
        let cols = [OutputColumn(name: "t", typeOID: PostgresType.text)]
        #expect(try render(.table, cols, [["a\tb\rc\u{1}"]]) == """
                    t         
            ------------------
             a       b\\rc\\x01
            (1 row)


            """)
    }

    @Test func zeroRows() throws {
        #expect(try render(.table, [OutputColumn(name: "a", typeOID: PostgresType.int4)], []) == " a \n---\n(0 rows)\n\n")
    }

    @Test func rowsAfterTheSizingWindowStreamAtFixedWidthsWithoutTruncation() throws {
        let cols = [OutputColumn(name: "v", typeOID: PostgresType.text), OutputColumn(name: "n", typeOID: PostgresType.int4)]
        let text = try render(.table, cols, [["ab", "1"], ["abcdef", "2"]], options: OutputOptions(sizingRows: 1))
        #expect(text == """
             v  | n 
            ----+---
             ab | 1
             abcdef | 2
            (2 rows)


            """)
    }

    @Test func nullDisplayIsConfigurable() throws {
        let text = try render(.table, [OutputColumn(name: "a", typeOID: PostgresType.text)], [[nil]], options: OutputOptions(nullDisplay: "∅"))
        #expect(text == " a \n---\n ∅\n(1 row)\n\n")
    }
}

@Suite struct ExpandedFormatTests {
    @Test func recordsLikePsqlX() throws {
        #expect(try render(.expanded, columns, rows) == """
            -[ RECORD 1 ]---
            id     | 1
            name   | alice
            amount | 3.50
            note   | 
            ok     | t
            -[ RECORD 2 ]---
            id     | 22
            name   | bo
            amount | -12.125
            note   | x
            ok     | f


            """)
    }

    @Test func longHeaderPutsThePlusInTheRule() throws {
        let cols = [OutputColumn(name: "longheadername", typeOID: PostgresType.text), OutputColumn(name: "n", typeOID: PostgresType.int4)]
        #expect(try render(.expanded, cols, [["a", "12"]]) == "-[ RECORD 1 ]--+---\nlongheadername | a\nn              | 12\n\n")
    }

    @Test func multiLineValue() throws {
        let cols = [OutputColumn(name: "ml", typeOID: PostgresType.text), OutputColumn(name: "other", typeOID: PostgresType.text),
                    OutputColumn(name: "n", typeOID: PostgresType.int4)]
        #expect(try render(.expanded, cols, [["line1\nline2", "z", "5"]]) == """
            -[ RECORD 1 ]
            ml    | line1+
                  | line2
            other | z
            n     | 5


            """)
    }

    @Test func zeroRows() throws {
        #expect(try render(.expanded, columns, []) == "(0 rows)\n\n")
    }
}

@Suite struct CSVFormatTests {
    @Test func headerAndRowsWithLF() throws {
        #expect(try render(.csv, columns, rows) == "id,name,amount,note,ok\n1,alice,3.50,,t\n22,bo,-12.125,x,f\n")
    }

    @Test func quotingFollowsPsqlAndEmptyStringDiffersFromNull() throws {
        let cols = ["e", "n", "c", "q", "s", "bs", "nl", "cr"].map { OutputColumn(name: $0, typeOID: PostgresType.text) }
        let text = try render(.csv, cols, [["", nil, "a,b", "q\"q", " sp", "\\.", "l1\nl2", "a\rb"]])
        #expect(text == "e,n,c,q,s,bs,nl,cr\n\"\",,\"a,b\",\"q\"\"q\", sp,\"\\.\",\"l1\nl2\",\"a\rb\"\n")
    }

    @Test func headerNamesAreQuotedToo() throws {
        #expect(try render(.csv, [OutputColumn(name: "a,b", typeOID: PostgresType.text)], []) == "\"a,b\"\n")
    }
}

@Suite struct JSONFormatTests {
    @Test func arrayOfObjectsWithTypes() throws {
        #expect(try render(.json, columns, rows) == """
            [
              {"id":1,"name":"alice","amount":"3.50","note":null,"ok":true},
              {"id":22,"name":"bo","amount":"-12.125","note":"x","ok":false}
            ]

            """)
    }

    @Test func decimalsAsNumbersOnRequest() throws {
        let text = try render(.json, columns, rows, options: OutputOptions(decimalsAsNumbers: true))
        #expect(text.contains(#""amount":3.50"#))
        #expect(text.contains(#""amount":-12.125"#))
        let nan = try render(.json, [OutputColumn(name: "d", typeOID: PostgresType.numeric)], [["NaN"]], options: OutputOptions(decimalsAsNumbers: true))
        #expect(nan == "[\n  {\"d\":\"NaN\"}\n]\n")
    }

    /// Nested json is re-written compactly and timestamps in RFC 3339 (issue 15).
    @Test func floatsIntegersJsonAndEscapes() throws {
        let cols = [
            OutputColumn(name: "f", typeOID: PostgresType.float8), OutputColumn(name: "inf", typeOID: PostgresType.float8),
            OutputColumn(name: "big", typeOID: PostgresType.int8), OutputColumn(name: "doc", typeOID: PostgresType.jsonb),
            OutputColumn(name: "s", typeOID: PostgresType.text), OutputColumn(name: "ts", typeOID: 1184),
        ]
        let text = try render(.ndjson, cols, [["1.5e+100", "Infinity", "9223372036854775807", #"{"a": [1, {"b": null}]}"#,
                                               "q\"\\\n\t\u{1}é", "2025-01-01 09:30:00+00"]])
        #expect(text == #"{"f":1.5e+100,"inf":"Infinity","big":9223372036854775807,"doc":{"a":[1,{"b":null}]},"s":"q\"\\\n\t\u0001é","ts":"2025-01-01T09:30:00+00:00"}"# + "\n")
    }

    @Test func emptyArrayAndNDJSONLines() throws {
        #expect(try render(.json, columns, []) == "[]\n")
        #expect(try render(.ndjson, columns, []) == "")
        #expect(try render(.ndjson, columns, rows) == """
            {"id":1,"name":"alice","amount":"3.50","note":null,"ok":true}
            {"id":22,"name":"bo","amount":"-12.125","note":"x","ok":false}

            """)
    }
}

@Suite struct MarkdownFormatTests {
    @Test func githubTableWithEscapes() throws {
        let text = try render(.markdown, columns, [["1", "a|b", "3.50", nil, "t"], ["2", "l1\nl2", "0", "back\\slash", "f"]])
        #expect(text == """
            | id | name | amount | note | ok |
            | ---: | --- | ---: | --- | --- |
            | 1 | a\\|b | 3.50 |  | t |
            | 2 | l1<br>l2 | 0 | back\\\\slash | f |

            """)
    }
}
