/// What an app says about its tenancy (configuration.md): from `lql.toml`'s `[tenancy]` and
/// `[sensitive]` tables, or the schema's doc comments (`/// @tenant(…)`, `/// @tenantThrough(…)`,
/// `/// @shared`). Pure data: the file is read elsewhere (LQLConfig), so the schema reader and
/// the compiler never touch the file system for it. Every field is optional; what is not said
/// falls back to the Leora conventions.
public struct TenancyConfiguration: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable, CaseIterable {
        /// A key column on every scoped model.
        case rls
        /// One PostgreSQL schema per tenant.
        case schema
        /// No tenancy: queries run unscoped, by the user's explicit choice.
        case none
    }

    /// How a setting was given: the app's policies read this setting, or (`.absent`) there are
    /// no policies, so lql's predicates are the only wall.
    public enum Setting: Hashable, Sendable {
        case name(String)
        case absent
    }

    public var style: Style?
    /// The tenancy root model (`Team`).
    public var model: String?
    /// The key field on scoped models (`teamId`).
    public var key: String?
    /// Root fields `--tenant VALUE` may match, in order.
    public var lookup: [String]?
    public var setting: Setting?
    /// Model → to-one path of relation fields ("booking.eventType").
    public var through: [String: String]
    /// Models that belong to no tenant.
    public var shared: [String]
    /// "Model.field" names hidden like `/// @sensitive`.
    public var sensitive: [String]
    /// Where these settings came from, for `lql schema` ("lql.toml", "/// @tenant").
    public var sourceName: String

    public init(style: Style? = nil, model: String? = nil, key: String? = nil, lookup: [String]? = nil,
                setting: Setting? = nil, through: [String: String] = [:], shared: [String] = [],
                sensitive: [String] = [], sourceName: String = "lql.toml") {
        self.style = style
        self.model = model
        self.key = key
        self.lookup = lookup
        self.setting = setting
        self.through = through
        self.shared = shared
        self.sensitive = sensitive
        self.sourceName = sourceName
    }

    /// `self` where it speaks, else `other` (the file wins over the doc comments).
    public func over(_ other: TenancyConfiguration) -> TenancyConfiguration {
        var c = self
        c.style = style ?? other.style
        c.model = model ?? other.model
        c.key = key ?? other.key
        c.lookup = lookup ?? other.lookup
        c.setting = setting ?? other.setting
        c.through = other.through.merging(through) { _, mine in mine }
        c.shared = shared + other.shared.filter { !shared.contains($0) }
        c.sensitive = sensitive + other.sensitive.filter { !sensitive.contains($0) }
        return c
    }
}
