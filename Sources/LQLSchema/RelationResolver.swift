import LQLDiagnostics

/// Pairs every relation field with its opposite and fills in join columns, the way Prisma
/// validates relations: fields on both ends pair by relation name (unnamed = same name), and
/// two relations between the same models need names to tell them apart.
struct RelationResolver {
    var models: [Model]
    let relationAttributes: [String: [String: PSLAttribute]]
    var sink: SchemaDiagnosticSink
    /// Models with a field of an unknown type: missing opposites there are not reported again.
    let modelsWithUnknownTypes: Set<String>

    init(models: [Model], relationAttributes: [String: [String: PSLAttribute]], sink: SchemaDiagnosticSink,
         modelsWithUnknownTypes: Set<String> = []) {
        self.modelsWithUnknownTypes = modelsWithUnknownTypes
        self.models = models
        self.relationAttributes = relationAttributes
        self.sink = sink
    }

    private struct FieldRef: Hashable {
        var model: Int
        var field: Int
    }

    private func relation(_ r: FieldRef) -> Relation { models[r.model].fields[r.field].relation! }
    private func field(_ r: FieldRef) -> Field { models[r.model].fields[r.field] }
    private func modelName(_ r: FieldRef) -> String { models[r.model].name }

    mutating func resolve() -> [Model] {
        // Group relation fields by the unordered model pair and the relation name.
        var groups: [String: [FieldRef]] = [:]
        var order: [String] = []
        for (mi, model) in models.enumerated() {
            for (fi, f) in model.fields.enumerated() {
                guard let rel = f.relation else { continue }
                let pair = [model.name, rel.targetModel].sorted()
                let key = pair[0] + "\u{1}" + pair[1] + "\u{1}" + (rel.name ?? "\u{0}")
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(FieldRef(model: mi, field: fi))
            }
        }
        for key in order { resolveGroup(groups[key]!) }
        return models
    }

    private mutating func resolveGroup(_ refs: [FieldRef]) {
        let first = refs[0]
        let selfRelation = modelName(first) == relation(first).targetModel
        if selfRelation {
            switch refs.count {
            case 2: pair(refs[0], refs[1])
            case 1: missingOpposite(refs[0])
            default: ambiguous(refs)
            }
            return
        }
        let sideA = refs.filter { $0.model == first.model }
        let sideB = refs.filter { $0.model != first.model }
        // One report per group, even when both ends are ambiguous.
        if sideA.count > 1 { ambiguous(sideA) } else if sideB.count > 1 { ambiguous(sideB) }
        if sideA.count > 1 || sideB.count > 1 { return }
        if sideB.isEmpty { missingOpposite(sideA[0]); return }
        pair(sideA[0], sideB[0])
    }

    private mutating func ambiguous(_ refs: [FieldRef]) {
        let names = refs.map { field($0).name }
        let target = relation(refs[0]).targetModel
        let model = modelName(refs[0])
        let spans = refs.map { field($0).span }
        sink.add(Diagnostic(.schemaAmbiguousRelation,
                            "ambiguous relation: the fields \(Suggestions.quotedList(names, conjunction: "and")) in model `\(model)` all refer to `\(target)`",
                            at: spans[1],
                            hints: ["give each relation its own name on both ends, e.g. `@relation(\"\(model)\(names[1].prefix(1).uppercased() + names[1].dropFirst())\")`"],
                            notes: [DiagnosticNote("`\(names[0])` is declared here", span: spans[0])]))
    }

    private mutating func missingOpposite(_ r: FieldRef) {
        let f = field(r)
        let rel = relation(r)
        // A misspelled type on the other model (already reported) is the likelier cause.
        if modelsWithUnknownTypes.contains(rel.targetModel) { return }
        let model = modelName(r)
        let lower = model.prefix(1).lowercased() + model.dropFirst()
        let suggestion = f.isList
            ? "`\(lower) \(model)? @relation(fields: [\(lower)Id], references: [id])`"
            : "`\(lower)s \(model)[]`"
        let named = rel.name.map { " with `@relation(\"\($0)\")`" } ?? ""
        sink.add(Diagnostic(.schemaMissingOppositeRelation,
                            "the relation field `\(model).\(f.name)` has no opposite relation field on model `\(rel.targetModel)`\(named)",
                            at: f.span, hints: ["Prisma needs both ends: add \(suggestion) to model `\(rel.targetModel)`"]))
    }

    private mutating func pair(_ a: FieldRef, _ b: FieldRef) {
        let aOwns = relation(a).isOwningSide
        let bOwns = relation(b).isOwningSide
        if aOwns && bOwns {
            sink.add(Diagnostic(.schemaRelationFieldsOnBothSides,
                                "both `\(modelName(a)).\(field(a).name)` and `\(modelName(b)).\(field(b).name)` give `fields:` and `references:`",
                                at: field(b).span, hints: ["keep `fields:`/`references:` only on the side that holds the foreign key"]))
            return
        }
        if !aOwns && !bOwns {
            if field(a).isList && field(b).isList { implicitManyToMany(a, b); return }
            let toOne = field(a).isList ? b : a
            sink.add(Diagnostic(.schemaRelationMissingFields,
                                "the relation field `\(modelName(toOne)).\(field(toOne).name)` needs `fields:` and `references:`",
                                at: field(toOne).span,
                                hints: ["write `@relation(fields: [\(field(toOne).name)Id], references: [id])` on the side that holds the foreign key"]))
            return
        }
        let (owner, back) = aOwns ? (a, b) : (b, a)
        guard let columns = joinColumns(owner: owner, back: back) else { return }
        setRelation(owner, opposite: field(back).name, joinColumns: columns, table: nil)
        setRelation(back, opposite: field(owner).name,
                    joinColumns: columns.map { ColumnPair(local: $0.remote, remote: $0.local) }, table: nil)
    }

    private mutating func implicitManyToMany(_ a: FieldRef, _ b: FieldRef) {
        let name = relation(a).name ?? [modelName(a), modelName(b)].sorted().joined(separator: "To")
        // Column `A` points at the model whose name sorts first; in a self-relation, `A` holds
        // the rows listed by the field whose name sorts first (Prisma's rule: renaming the fields
        // of a self-relation swaps its meaning). `first` is the end whose own key is in `A`.
        let aFirst = modelName(a) != modelName(b) ? modelName(a) < modelName(b) : field(a).name > field(b).name
        let (first, second) = aFirst ? (a, b) : (b, a)
        let schema = models[first.model].schemaName
        let keys = (singleIdColumn(models[first.model]), singleIdColumn(models[second.model]))
        func link(_ side: String, _ other: String, _ local: String?, _ remote: String?) -> ImplicitJoin? {
            guard let local, let remote else { return nil }
            return ImplicitJoin(table: "_" + name, schema: schema, localSide: side, remoteSide: other, localKey: local, remoteKey: remote)
        }
        setRelation(first, opposite: field(second).name, joinColumns: [], table: "_" + name,
                    implicit: link("A", "B", keys.0, keys.1))
        setRelation(second, opposite: field(first).name, joinColumns: [], table: "_" + name,
                    implicit: link("B", "A", keys.1, keys.0))
    }

    /// The column of a model's single-field `@id` (an implicit many-to-many needs one on both ends).
    private func singleIdColumn(_ m: Model) -> String? {
        guard m.primaryKey.count == 1, let f = m.field(named: m.primaryKey[0]), !f.isRelation else { return nil }
        return f.columnName
    }

    private mutating func setRelation(_ r: FieldRef, opposite: String, joinColumns: [ColumnPair], table: String?,
                                      implicit: ImplicitJoin? = nil) {
        var rel = relation(r)
        rel.oppositeField = opposite
        rel.joinColumns = joinColumns
        rel.implicitJoinTable = table
        rel.implicitJoin = implicit
        models[r.model].fields[r.field].type = .relation(rel)
    }

    /// The owner's `fields:` (its columns) against `references:` (the target's columns).
    private mutating func joinColumns(owner: FieldRef, back: FieldRef) -> [ColumnPair]? {
        let ownerModel = models[owner.model]
        let targetModel = models[back.model]
        let f = field(owner)
        guard let attr = relationAttributes[ownerModel.name]?[f.name], let fieldsArg = attr.argument("fields") else { return nil }
        guard let refsArg = attr.argument("references") else {
            sink.add(Diagnostic(.schemaRelationMissingFields, "`@relation` on `\(ownerModel.name).\(f.name)` gives `fields:` without `references:`",
                                at: attr.span, hints: ["add `references: [id]` (the fields of `\(targetModel.name)` they point to)"]))
            return nil
        }
        let locals = fieldsArg.nameList
        let remotes = refsArg.nameList
        guard locals.count == remotes.count, !locals.isEmpty else {
            sink.add(Diagnostic(.schemaRelationArityMismatch,
                                "`fields:` lists \(locals.count) field\(locals.count == 1 ? "" : "s") but `references:` lists \(remotes.count)",
                                at: fieldsArg.span.union(refsArg.span),
                                hints: ["list one referenced field of `\(targetModel.name)` for each foreign-key field"]))
            return nil
        }
        var pairs: [ColumnPair] = []
        var ok = true
        for (l, r) in zip(locals, remotes) {
            let local = column(l, in: ownerModel)
            let remote = column(r, in: targetModel)
            if let local, let remote { pairs.append(ColumnPair(local: local, remote: remote)) } else { ok = false }
        }
        return ok ? pairs : nil
    }

    private mutating func column(_ ref: (name: String, span: Span), in model: Model) -> String? {
        if let f = model.field(named: ref.name), !f.isRelation { return f.columnName }
        let close = Suggestions.closest(to: ref.name, among: model.columnFields.map(\.name))
        var hints = close.isEmpty ? [] : ["did you mean \(Suggestions.quotedList(close))?"]
        hints.append("`fields:` names fields of this model; `references:` names fields of the related model")
        sink.add(Diagnostic(.schemaUnknownReferencedField, "model `\(model.name)` has no scalar field `\(ref.name)`",
                            at: ref.span, hints: hints,
                            fixIts: close.first.map { [FixIt(span: ref.span, replacement: $0)] } ?? []))
        return nil
    }
}
