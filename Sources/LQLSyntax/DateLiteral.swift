/// Validates the text after `@` and gives its canonical form. Dates must exist in the calendar
/// (`@2025-02-30` is an error); a timestamp without an offset is read as UTC, the way Prisma
/// stores `DateTime`, so the canonical text always carries seconds and an offset.
enum DateLiteral {
    enum Result: Equatable {
        case date(String)
        case timestamp(String)
        case invalid(String)
    }

    static func parse(_ text: [UInt8]) -> Result {
        var reader = Reader(bytes: text)
        guard let year = reader.digits(4), reader.take("-"), let month = reader.digits(2), reader.take("-"),
              let day = reader.digits(2) else {
            return .invalid("expected `YYYY-MM-DD`")
        }
        guard year >= 1 else { return .invalid("year must be 0001 or later") }
        guard (1...12).contains(month) else { return .invalid("month \(month) does not exist") }
        guard (1...daysIn(month: month, year: year)).contains(day) else {
            return .invalid("day \(day) does not exist in \(year)-\(pad(month, 2))")
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if reader.atEnd { return .date(date) }
        guard reader.take("T") else { return .invalid("unexpected text after the date") }
        guard let hour = reader.digits(2), reader.take(":"), let minute = reader.digits(2) else {
            return .invalid("expected a time `hh:mm` after `T`")
        }
        var second = 0
        var fraction = ""
        if reader.take(":") {
            guard let s = reader.digits(2) else { return .invalid("expected seconds `ss`") }
            second = s
            if reader.take(".") {
                let digits = reader.digitRun()
                guard (1...9).contains(digits.count) else { return .invalid("expected 1 to 9 digits of fraction") }
                fraction = "." + digits
            }
        }
        guard hour <= 23 else { return .invalid("hour \(hour) does not exist") }
        guard minute <= 59 else { return .invalid("minute \(minute) does not exist") }
        guard second <= 59 else { return .invalid("second \(second) does not exist") }
        var offset = "Z"
        if reader.take("Z") {
            offset = "Z"
        } else if let sign = reader.takeSign() {
            guard let oh = reader.digits(2), reader.take(":"), let om = reader.digits(2) else {
                return .invalid("expected an offset `+hh:mm`")
            }
            guard oh <= 14, om <= 59 else { return .invalid("offset \(sign)\(pad(oh, 2)):\(pad(om, 2)) does not exist") }
            // The grammar's range (real offsets end at +14:00, Kiribati); PostgreSQL would take more.
            guard oh < 14 || om == 0 else { return .invalid("offset \(sign)\(pad(oh, 2)):\(pad(om, 2)) is beyond ±14:00") }
            offset = "\(sign)\(pad(oh, 2)):\(pad(om, 2))"
        }
        guard reader.atEnd else { return .invalid("unexpected text after the timestamp") }
        return .timestamp("\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))\(fraction)\(offset)")
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var atEnd: Bool { index >= bytes.count }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for b in bytes[index..<(index + count)] {
                guard b.isDigit else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            index += count
            return value
        }

        mutating func digitRun() -> String {
            let start = index
            while index < bytes.count, bytes[index].isDigit { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func take(_ c: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(c.value) else { return false }
            index += 1
            return true
        }

        mutating func takeSign() -> String? {
            if take("+") { return "+" }
            if take("-") { return "-" }
            return nil
        }
    }
}
