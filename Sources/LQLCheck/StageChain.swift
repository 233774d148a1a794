/// The checked stages of a `let`, sharing its source `let`'s stages instead of copying them:
/// a chain of n `let`s holds each stage once (a flat copy per `let` cost quadratic memory —
/// 16,000 one-stage `let`s took 6.1 GB). A query flattens the chain once, when it is output.
final class StageChain {
    let parent: StageChain?
    let stages: [TypedStage]
    /// Stages in the whole chain, this node's included.
    let count: Int
    /// Stages a use of the chain inlines, counting again every query an `append` or `in (…)`
    /// in it brings in (a `let` appending the one before it twice doubles this at each step).
    let weight: Int
    /// Whether rows leaving the chain are still in a `sort`'s order (see `Checker.sortInEffect`).
    let sortInEffect: Bool
    /// The chain's last `select`, `group`, `aggregate` or `count`, if any.
    let lastProjection: TypedStage?

    init(parent: StageChain?, stages: [TypedStage], weight: Int) {
        self.parent = parent
        self.stages = stages
        self.weight = weight
        count = (parent?.count ?? 0) + stages.count
        sortInEffect = StageChain.sortDecision(stages) ?? parent?.sortInEffect ?? false
        lastProjection = StageChain.lastProjection(stages) ?? parent?.lastProjection
    }

    /// Every stage of the chain, first to last.
    func flattened() -> [TypedStage] {
        var nodes: [StageChain] = []
        var node: StageChain? = self
        while let n = node {
            nodes.append(n)
            node = n.parent
        }
        var out: [TypedStage] = []
        out.reserveCapacity(count)
        for n in nodes.reversed() { out += n.stages }
        return out
    }

    /// Whether `stages` leave rows sorted: true after a `sort`, false after a stage that groups
    /// or unions; nil when they do neither (the stages before decide).
    static func sortDecision(_ stages: [TypedStage]) -> Bool? {
        for stage in stages.reversed() {
            switch stage {
            case .sort: return true
            case .group, .aggregate, .count, .append: return false
            default: continue
            }
        }
        return nil
    }

    static func lastProjection(_ stages: [TypedStage]) -> TypedStage? {
        stages.last { stage in
            switch stage {
            case .select, .group, .aggregate, .count: true
            default: false
            }
        }
    }
}
