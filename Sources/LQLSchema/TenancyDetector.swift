import LQLDiagnostics

/// Works out how tenants are kept apart and gives every model its scope (configuration.md,
/// "Rules"). What `lql.toml` (or the schema's doc comments) says comes first; what it leaves
/// out follows the conventions of the Leora family of schemas:
/// - schema per tenant: the datasource lists `schemas`, the root (`Tenant`) lives in one schema
///   (`public`) and the other models in a template schema (`tenant`) cloned for every tenant;
/// - row level: a root model (`Tenant`), and models scoped by their own key column — a to-one
///   relation to the root whose foreign key is a single field, or a scalar field named like the
///   key (`tenantId`) whether or not the schema declares its relation;
/// - otherwise none.
enum TenancyDetector {
    static let tenantModelName = "Tenant"
    static let conventionalKey = "tenantId"

    static func detect(models: inout [Model], datasourceSchemas: [String], configuration file: TenancyConfiguration?,
                       sink: inout SchemaDiagnosticSink) -> Tenancy {
        let docs = DocCommentTenancy.read(models)
        var context = Context(file: file, docs: docs)
        applySensitive(&models, context: context, sink: &sink)
        if context.merged.style == TenancyConfiguration.Style.none { return .none }
        let rootName = context.merged.model ?? tenantModelName
        guard let rootIndex = models.firstIndex(where: { $0.name == rootName }) else {
            if context.merged.model != nil {
                sink.add(Diagnostic(.schemaTenancyConfiguration,
                                    "\(context.source(ofRoot: ())) names `\(rootName)` as the tenancy root, but the schema has no model `\(rootName)`",
                                    at: .at(0), hints: Self.closeModelHint(rootName, models)))
            }
            return .none
        }
        if context.merged.style != .rls,
           let tenancy = schemaPerTenant(models: &models, root: rootIndex, datasourceSchemas: datasourceSchemas) {
            return tenancy
        }
        if context.merged.style == .schema {
            sink.add(Diagnostic(.schemaTenancyConfiguration,
                                "\(context.source(ofRoot: ())) sets style = \"schema\", but the datasource lists no `schemas` with `\(rootName)` in a shared one",
                                at: models[rootIndex].span,
                                hints: ["add `schemas = [\"public\", \"tenant\"]` to the datasource and `@@schema(…)` to the models, or use style = \"rls\""]))
            return .none
        }
        context.rootIndex = rootIndex
        return rowLevel(models: &models, context: context, sink: &sink)
    }

    /// The two sources of configuration, the file winning where both speak.
    struct Context {
        let file: TenancyConfiguration?
        let docs: TenancyConfiguration
        let merged: TenancyConfiguration
        var rootIndex = 0

        init(file: TenancyConfiguration?, docs: TenancyConfiguration) {
            self.file = file
            self.docs = docs
            self.merged = (file ?? TenancyConfiguration()).over(docs)
        }

        func source(ofRoot _: Void) -> String {
            if file?.model != nil || file?.style != nil { return file!.sourceName }
            return docs.model != nil ? "the `/// @tenant` doc comment" : (file?.sourceName ?? "the configuration")
        }
        func throughPath(of model: String) -> (path: String, source: String)? {
            if let p = file?.through[model] { return (p, "\(file!.sourceName) [tenancy.through]") }
            if let p = docs.through[model] { return (p, "/// @tenantThrough") }
            return nil
        }
        func sharedSource(of model: String) -> String? {
            if file?.shared.contains(model) == true { return "\(file!.sourceName) [tenancy.shared]" }
            if docs.shared.contains(model) { return "/// @shared" }
            return nil
        }
    }

    static func closeModelHint(_ name: String, _ models: [Model]) -> [String] {
        let close = Suggestions.closest(to: name, among: models.map(\.name))
        return close.isEmpty ? [] : ["did you mean \(Suggestions.quotedList(close))?"]
    }

    /// `[sensitive] fields = ["User.password"]`: hidden like `/// @sensitive`.
    private static func applySensitive(_ models: inout [Model], context: Context, sink: inout SchemaDiagnosticSink) {
        for entry in context.merged.sensitive {
            let parts = entry.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let mi = models.firstIndex(where: { $0.name == parts[0] }),
                  let fi = models[mi].fields.firstIndex(where: { $0.name == parts[1] }) else {
                sink.add(Diagnostic(.schemaTenancyConfiguration,
                                    "\(context.file?.sourceName ?? "lql.toml") marks `\(entry)` sensitive, but the schema has no such field",
                                    at: .at(0), hints: ["write fields as \"Model.field\", as the schema spells them"]))
                continue
            }
            models[mi].fields[fi].isSensitive = true
        }
    }

    private static func schemaPerTenant(models: inout [Model], root: Int, datasourceSchemas: [String]) -> Tenancy? {
        guard !datasourceSchemas.isEmpty, let shared = models[root].schemaName else { return nil }
        let rootName = models[root].name
        var counts: [String: Int] = [:]
        for m in models where m.name != rootName {
            if let s = m.schemaName, s != shared { counts[s, default: 0] += 1 }
        }
        // The template is `tenant` when used, else the schema holding the most models.
        guard let template = counts["tenant"] != nil ? "tenant"
                : counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first?.key
        else { return nil }
        for i in models.indices where i != root {
            if models[i].schemaName == template {
                models[i].isTenantScoped = true
                models[i].tenantScope = .tenantSchema
                models[i].tenantScopeSource = "in the per-tenant schema `\(template)`"
            } else {
                models[i].tenantScope = .shared
                models[i].tenantScopeSource = "outside the per-tenant schema `\(template)`"
            }
        }
        models[root].isTenantRoot = true
        models[root].tenantScope = .root(column: models[root].fields.first(where: \.isId)?.columnName ?? "id")
        models[root].tenantScopeSource = "the model in the shared schema `\(shared)`"
        return .schemaPerTenant(SchemaTenancy(tenantModel: rootName, sharedSchema: shared,
                                              tenantSchemaTemplate: template, schemaPrefix: template + "_"))
    }

    private static func rowLevel(models: inout [Model], context: Context, sink: inout SchemaDiagnosticSink) -> Tenancy {
        let root = context.rootIndex
        let rootName = models[root].name
        let configuredKey = context.merged.key
        var firstKey: (field: String, column: String, relation: String, remote: String)?
        var keyNames: [String] = configuredKey.map { [$0] } ?? []

        // Keys declared as relations: each model its own column.
        for mi in models.indices where mi != root {
            let model = models[mi]
            let candidates = model.fields.indices.filter { i in
                guard let r = model.fields[i].relation else { return false }
                return r.targetModel == rootName && r.cardinality == .toOne && r.isOwningSide && r.joinColumns.count == 1
            }
            func keyIndex(_ ri: Int) -> Int? {
                let column = model.fields[ri].relation!.joinColumns[0].local
                return model.fields.firstIndex { !$0.isRelation && $0.columnName == column }
            }
            // With two relations into the root (`tenant` and `partnerTenant`), the key is the one
            // named as keys are (configured, seen, or `tenantId`/`tenant`), never the first written.
            let preferred = candidates.first { ri in keyIndex(ri).map { keyNames.contains(model.fields[$0].name) } ?? false }
                ?? candidates.first { ri in
                    model.fields[ri].name == conventionalRelationName(rootName)
                        || keyIndex(ri).map { model.fields[$0].name == conventionalKey } == true
                }
            guard let ri = preferred ?? candidates.first, let ki = keyIndex(ri) else { continue }
            let key = model.fields[ki]
            markKey(&models[mi], keyIndex: ki, relationIndex: ri,
                    source: "key `\(key.name)`, relation `\(model.fields[ri].name)` → `\(rootName)`")
            if firstKey == nil {
                firstKey = (key.name, key.columnName, model.fields[ri].name, model.fields[ri].relation!.joinColumns[0].remote)
            }
            if !keyNames.contains(key.name) { keyNames.append(key.name) }
        }
        if keyNames.isEmpty { keyNames = [conventionalKey] }

        // Keys with no declared relation: a key is a key.
        for mi in models.indices where mi != root && models[mi].tenantScope == .unscoped {
            guard let ki = models[mi].fields.firstIndex(where: { !$0.isRelation && keyNames.contains($0.name) }) else { continue }
            let key = models[mi].fields[ki]
            markKey(&models[mi], keyIndex: ki, relationIndex: nil, source: "has `\(key.name)` (no relation declared)")
            if firstKey == nil { firstKey = (key.name, key.columnName, conventionalRelationName(rootName), "") }
        }

        // Nothing scoped and nothing configured: not a tenant-aware schema after all.
        let configured = context.file != nil || context.docs.model != nil
        guard firstKey != nil || configured else { return .none }

        let rootKeyColumn = firstKey.flatMap { $0.remote.isEmpty ? nil : $0.remote }
            ?? models[root].fields.first(where: \.isId)?.columnName ?? "id"
        models[root].isTenantRoot = true
        models[root].tenantScope = .root(column: rootKeyColumn)
        models[root].tenantScopeSource = context.merged.model != nil ? "named by \(context.source(ofRoot: ()))" : "the model named `\(rootName)`"

        applyShared(&models, context: context, sink: &sink)
        applyThrough(&models, context: context, sink: &sink)
        for mi in models.indices where models[mi].tenantScope == .unscoped {
            let key = configuredKey ?? firstKey?.field ?? conventionalKey
            models[mi].tenantScopeSource = "no `\(key)`, no relation to `\(rootName)`, not in [tenancy.through] or [tenancy.shared]"
        }

        let setting: String = switch context.merged.setting {
        case .name(let s)?: s
        case .absent?: ""
        case nil: "app.current_tenant_id"
        }
        let keyField = models[root].fields.first { !$0.isRelation && $0.columnName == rootKeyColumn }
        return .rowLevel(RowLevelTenancy(tenantModel: rootName, tenantField: configuredKey ?? firstKey?.field ?? conventionalKey,
                                         tenantColumn: firstKey?.column ?? "tenant_id",
                                         tenantRelationField: firstKey?.relation ?? conventionalRelationName(rootName),
                                         settingName: setting, rootKeyColumn: rootKeyColumn,
                                         keyType: TenantKeyType(field: keyField),
                                         lookupFields: context.merged.lookup ?? defaultLookup(models[root])))
    }

    static func conventionalRelationName(_ root: String) -> String {
        root.prefix(1).lowercased() + root.dropFirst()
    }

    /// `slug` then the key when the root has a slug, else just the key.
    static func defaultLookup(_ root: Model) -> [String] {
        let id = root.fields.first(where: \.isId)?.name ?? "id"
        return root.field(named: "slug") != nil ? ["slug", id] : [id]
    }

    private static func markKey(_ model: inout Model, keyIndex: Int, relationIndex: Int?, source: String) {
        model.isTenantScoped = true
        model.fields[keyIndex].isTenantKey = true
        if let ri = relationIndex { model.fields[ri].isTenantKey = true }
        model.tenantScope = .key(field: model.fields[keyIndex].name, column: model.fields[keyIndex].columnName)
        model.tenantScopeSource = source
    }

    private static func applyShared(_ models: inout [Model], context: Context, sink: inout SchemaDiagnosticSink) {
        for name in context.merged.shared {
            guard let mi = models.firstIndex(where: { $0.name == name }) else {
                sink.add(Diagnostic(.schemaTenancyConfiguration, "[tenancy.shared] names `\(name)`, but the schema has no model `\(name)`",
                                    at: .at(0), hints: closeModelHint(name, models)))
                continue
            }
            let source = context.sharedSource(of: name) ?? "configuration"
            if models[mi].tenantScope != .unscoped {
                // Never read a tenant's rows unscoped because a list says so.
                sink.add(Diagnostic(.schemaTenancyConfigurationIgnored,
                                    "\(source) lists `\(name)` as shared, but it is \(models[mi].tenantScope.label); it stays scoped",
                                    at: models[mi].span, severity: .warning, hints: ["remove `\(name)` from the shared models"]))
                continue
            }
            models[mi].tenantScope = .shared
            models[mi].tenantScopeSource = source
        }
    }

    private static func applyThrough(_ models: inout [Model], context: Context, sink: inout SchemaDiagnosticSink) {
        let names = context.merged.through.keys.sorted()
        var pending: [String: (path: [String], source: String)] = [:]
        for name in names {
            guard let (pathText, source) = context.throughPath(of: name) else { continue }
            guard let mi = models.firstIndex(where: { $0.name == name }) else {
                sink.add(Diagnostic(.schemaTenancyConfiguration, "\(source) names `\(name)`, but the schema has no model `\(name)`",
                                    at: .at(0), hints: closeModelHint(name, models)))
                continue
            }
            if models[mi].tenantScope != .unscoped {
                sink.add(Diagnostic(.schemaTenancyConfigurationIgnored,
                                    "\(source) scopes `\(name)` through `\(pathText)`, but it is already \(models[mi].tenantScope.label)",
                                    at: models[mi].span, severity: .warning, hints: ["remove the entry for `\(name)`"]))
                continue
            }
            pending[name] = (pathText.split(separator: ".").map(String.init), source)
        }
        // Resolve in dependency order: a path may end at a model that is itself scoped through.
        var resolving: Set<String> = []
        func resolve(_ name: String) -> Bool {
            guard let mi = models.firstIndex(where: { $0.name == name }) else { return false }
            if models[mi].tenantScope.isScoped { return true }
            guard let (path, source) = pending[name] else { return false }
            guard !resolving.contains(name) else {
                sink.add(Diagnostic(.schemaTenancyConfiguration, "\(source): the path for `\(name)` leads back to itself",
                                    at: models[mi].span))
                return false
            }
            resolving.insert(name)
            defer { resolving.remove(name) }
            var current = models[mi]
            for (i, segment) in path.enumerated() {
                let text = path.joined(separator: ".")
                guard let f = current.field(named: segment), let r = f.relation else {
                    sink.add(Diagnostic(.schemaTenancyConfiguration,
                                        "\(source): `\(text)` for `\(name)`: `\(current.name)` has no relation `\(segment)`",
                                        at: models[mi].span,
                                        hints: ["relations of `\(current.name)`: " + current.relationFields.map(\.name).joined(separator: ", ")]))
                    return false
                }
                guard r.cardinality == .toOne, !r.joinColumns.isEmpty,
                      let target = models.first(where: { $0.name == r.targetModel }) else {
                    sink.add(Diagnostic(.schemaTenancyConfiguration,
                                        "\(source): `\(text)` for `\(name)`: `\(current.name).\(segment)` is not a to-one relation",
                                        at: models[mi].span, hints: ["a scoping path follows to-one relations only (each row has one owner)"]))
                    return false
                }
                current = target
                if i == path.count - 1 {
                    guard resolve(target.name) else {
                        sink.add(Diagnostic(.schemaTenancyConfiguration,
                                            "\(source): `\(text)` for `\(name)` ends at `\(target.name)`, which is not scoped",
                                            at: models[mi].span,
                                            hints: ["end the path at a model with the key, or at the root"]))
                        return false
                    }
                }
            }
            models[mi].isTenantScoped = true
            models[mi].tenantScope = .through(path: path)
            models[mi].tenantScopeSource = source
            return true
        }
        for name in pending.keys.sorted() { _ = resolve(name) }
    }
}
