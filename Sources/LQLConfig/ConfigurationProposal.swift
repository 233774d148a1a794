import LQLSchema

/// What `lql init` proposes for a schema (configuration.md, "Rules"): the tenancy root, the key,
/// the lookup fields, the models it would scope through a path, the ones it cannot place, and
/// likely secrets. A proposal to review, never a decision: `ConfigurationFileWriter` renders it
/// as a commented `lql.toml`.
public struct ConfigurationProposal: Sendable {
    public struct Through: Sendable, Hashable {
        public var model: String
        public var path: [String]
        /// The model the path ends at (keyed, or the root).
        public var owner: String
    }

    public var root: String?
    /// How many models point at the root (the reason it was chosen).
    public var rootScore: Int
    public struct Candidate: Sendable, Hashable { public var name: String; public var score: Int }
    /// The other root-like models, best first.
    public var candidateList: [Candidate] = []
    public var key: String?
    public var keyType: String
    public var lookup: [String]
    public var style: TenancyConfiguration.Style
    /// Models scoped by a key column of their own (name, key field, optional key).
    public struct Keyed: Sendable, Hashable { public var model: String; public var key: String; public var optional: Bool }
    public var keyedList: [Keyed] = []
    public var through: [Through]
    /// Models with no key and no to-one path to a scoped model.
    public var unplaced: [String]
    /// Of the unplaced, those owned by a user-like model (personal rows).
    public var personal: [String]
    /// A second tenancy level: a candidate root that itself points at the root (Project → Organization).
    public var secondLevel: String?
    /// "Model.field" names that look like secrets.
    public var sensitive: [String]

    static let rootNames = ["Tenant", "Organization", "Organisation", "Team", "Workspace", "Account", "Project", "Website"]
    static let userNames = ["User", "Users", "Person", "Profile", "Member", "Customer"]
    static let secretWords = ["password", "token", "secret", "hash", "apikey", "accesstoken", "refreshtoken"]

    /// `catalog` read without a configuration.
    public init(catalog: Catalog) {
        let models = catalog.models
        func pointers(to name: String) -> Set<String> {
            var out: Set<String> = []
            let scalar = name.prefix(1).lowercased() + name.dropFirst() + "Id"
            for m in models where m.name != name {
                let byRelation = m.fields.contains { f in
                    guard let r = f.relation else { return false }
                    return r.targetModel == name && r.cardinality == .toOne && r.isOwningSide
                }
                if byRelation || m.field(named: scalar)?.isRelation == false { out.insert(m.name) }
            }
            return out
        }
        var candidates = Self.rootNames.compactMap { n in models.first { $0.name == n } }
            .map { Candidate(name: $0.name, score: pointers(to: $0.name).count) }
            .filter { $0.score > 0 }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score
                          : Self.rootNames.firstIndex(of: $0.name)! < Self.rootNames.firstIndex(of: $1.name)! }
        style = if case .schemaPerTenant = catalog.tenancy { .schema } else { .rls }
        root = candidates.first?.name
        rootScore = candidates.first?.score ?? 0
        candidateList = Array(candidates.dropFirst())
        keyType = "String"
        lookup = []
        through = []
        unplaced = []
        personal = []
        sensitive = []
        key = nil
        secondLevel = nil

        sensitive = models.flatMap { m in
            m.columnFields.filter { f in
                guard !f.isSensitive else { return false }
                let name = f.name.lowercased().filter { $0 != "_" }
                return Self.secretWords.contains { name.contains($0) }
            }.map { "\(m.name).\($0.name)" }
        }

        guard let rootName = root, let rootModel = catalog.model(named: rootName) else {
            unplaced = models.map(\.name)
            return
        }
        // The key: the field name most models use to point at the root.
        var counts: [String: Int] = [:]
        var keyOf: [String: (field: String, optional: Bool)] = [:]
        let conventional = rootName.prefix(1).lowercased() + rootName.dropFirst() + "Id"
        for m in models where m.name != rootName {
            if let f = m.fields.first(where: { f in
                guard let r = f.relation else { return false }
                return r.targetModel == rootName && r.cardinality == .toOne && r.isOwningSide && r.joinColumns.count == 1
            }), let column = f.relation?.joinColumns.first?.local,
               let k = m.fields.first(where: { !$0.isRelation && $0.columnName == column }) {
                keyOf[m.name] = (k.name, k.isOptional)
            }
            if let k = keyOf[m.name] { counts[k.field, default: 0] += 1 }
        }
        let key = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key ?? conventional
        self.key = key
        // A key is a key whether or not its relation is declared.
        for m in models where m.name != rootName && keyOf[m.name] == nil {
            if let k = m.fields.first(where: { !$0.isRelation && ($0.name == key || $0.name == conventional) }) {
                keyOf[m.name] = (k.name, k.isOptional)
            }
        }
        let idField = rootModel.fields.first(where: \.isId)
        keyType = idField.map { f in
            if case .scalar(let s) = f.type { return s.rawValue + (f.nativeType.map { " @db.\($0)" } ?? "") }
            return "String"
        } ?? "String"
        var lookup: [String] = []
        for name in ["slug", "handle", "subdomain", "domain", "code"] where rootModel.field(named: name) != nil { lookup.append(name) }
        if let id = idField?.name { lookup.append(id) }
        self.lookup = lookup
        keyedList = models.filter { keyOf[$0.name] != nil }
            .map { Keyed(model: $0.name, key: keyOf[$0.name]!.field, optional: keyOf[$0.name]!.optional) }

        // A second level: another root-like model that is itself keyed (Project → Organization).
        secondLevel = candidateList.first { keyOf[$0.name] != nil }?.name

        // Through paths: the shortest to-one path (up to three hops) to a keyed model or the root.
        let scoped = Set(keyOf.keys).union([rootName])
        for m in models where !scoped.contains(m.name) {
            if let (path, owner) = Self.shortestPath(from: m, to: scoped, in: catalog) {
                through.append(Through(model: m.name, path: path, owner: owner))
            } else {
                unplaced.append(m.name)
                let ownedByUser = m.fields.contains { f in
                    guard let r = f.relation else { return false }
                    return r.cardinality == .toOne && Self.userNames.contains(r.targetModel)
                }
                if ownedByUser { personal.append(m.name) }
            }
        }
    }

    /// Breadth-first over to-one relations with join columns; prefers the path whose first hop
    /// holds the foreign key (each row has exactly one owner).
    static func shortestPath(from model: Model, to targets: Set<String>, in catalog: Catalog) -> ([String], String)? {
        var queue: [(model: Model, path: [String])] = [(model, [])]
        var seen: Set<String> = [model.name]
        while !queue.isEmpty {
            let (current, path) = queue.removeFirst()
            guard path.count < 3 else { continue }
            let hops = current.relationFields.filter { f in
                guard let r = f.relation else { return false }
                return r.cardinality == .toOne && !r.joinColumns.isEmpty
            }.sorted { a, b in (a.relation!.isOwningSide ? 0 : 1) < (b.relation!.isOwningSide ? 0 : 1) }
            for f in hops {
                let target = f.relation!.targetModel
                if targets.contains(target) { return (path + [f.name], target) }
                guard !seen.contains(target), let next = catalog.model(named: target) else { continue }
                seen.insert(target)
                queue.append((next, path + [f.name]))
            }
        }
        return nil
    }
}
