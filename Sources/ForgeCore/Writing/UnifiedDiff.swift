/// A unified diff (`diff -u` style, three lines of context) between two texts, for
/// `make:* --dry-run`.
public enum UnifiedDiff {
    /// The diff from `old` to `new` labelled with `path`; `old == nil` means a new file. Empty when equal.
    /// `new == nil` is a deletion (`+++ /dev/null`).
    public static func make(path: String, old: String?, new: String?, context: Int = 3) -> String {
        let before = old.map(lines) ?? []
        let after = new.map(lines) ?? []
        guard before != after else { return "" }
        let edits = script(before, after)
        var out = "--- \(old == nil ? "/dev/null" : "a/" + path)\n+++ \(new == nil ? "/dev/null" : "b/" + path)\n"
        for hunk in hunks(edits, context: context) {
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            let oldStart = oldCount == 0 ? (hunk.first?.oldIndex ?? 0) : (hunk.first { $0.kind != .insert }!.oldIndex + 1)
            let newStart = newCount == 0 ? (hunk.first?.newIndex ?? 0) : (hunk.first { $0.kind != .delete }!.newIndex + 1)
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .keep: out += " " + before[edit.oldIndex] + "\n"
                case .delete: out += "-" + before[edit.oldIndex] + "\n"
                case .insert: out += "+" + after[edit.newIndex] + "\n"
                }
            }
        }
        return out
    }

    struct Edit {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        /// For a keep or delete, the line in the old text; for an insert, where it lands in it.
        var oldIndex: Int
        /// For a keep or insert, the line in the new text; for a delete, where it was in it.
        var newIndex: Int
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// The shortest edit script by longest common subsequence over the lines that differ;
    /// the common head and tail are matched first, so regenerating a large file stays cheap.
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = Array(old[head..<(old.count - tail)])
        let b = Array(new[head..<(new.count - tail)])
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits = (0..<head).map { Edit(kind: .keep, oldIndex: $0, newIndex: $0) }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .keep, oldIndex: head + i, newIndex: head + j))
                i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Deletions first on a tie, as diff -u prints them.
                edits.append(Edit(kind: .delete, oldIndex: head + i, newIndex: head + j))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, oldIndex: head + i, newIndex: head + j))
                j += 1
            }
        }
        edits += (0..<tail).map { Edit(kind: .keep, oldIndex: old.count - tail + $0, newIndex: new.count - tail + $0) }
        return edits
    }

    /// Groups changes with up to `context` unchanged lines around them; nearby groups merge.
    private static func hunks(_ edits: [Edit], context: Int) -> [[Edit]] {
        let changed = edits.indices.filter { edits[$0].kind != .keep }
        var hunks: [[Edit]] = []
        var start: Int?
        var end = 0
        for index in changed {
            if let current = start, index - end > context * 2 {
                hunks.append(Array(edits[current...min(end + context, edits.count - 1)]))
                start = nil
            }
            if start == nil { start = max(0, index - context) }
            end = index
        }
        if let start { hunks.append(Array(edits[start...min(end + context, edits.count - 1)])) }
        return hunks
    }
}
