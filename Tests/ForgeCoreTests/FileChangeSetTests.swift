import ForgeCore
import Foundation
import Testing

@Suite(.serialized) struct FileChangeSetTests {
    /// The paths of `paths` other than forge's checksum record.
    private func userPaths(_ paths: [String]) -> [String] {
        paths.filter { $0 != Checksums.path }
    }

    private func read(_ root: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesNewFilesRecordsThemAndThenReportsThemUnchanged() throws {
        let root = try makeScratchDirectory()
        let files = [GeneratedFile(path: "Sources/A.swift", contents: "a"), GeneratedFile(path: "b.txt", contents: "b")]
        let first = try FileChangeSet(root: root, files: files).apply()
        #expect(first.created == ["Sources/A.swift", "b.txt", Checksums.path])
        #expect(Checksums.load(root: root).digests == ["Sources/A.swift": SHA256.hex("a"), "b.txt": SHA256.hex("b")])
        let before = snapshot(root)
        let second = try FileChangeSet(root: root, files: files).apply()
        #expect(!second.changedAnything)
        #expect(second.unchanged.count == 3)
        #expect(snapshot(root) == before)
    }

    @Test func refreshesAFileItGeneratedAndNobodyEdited() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "version 1")]).apply()
        let outcome = try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "version 2")]).apply()
        #expect(userPaths(outcome.updated) == ["A.swift"])
        #expect(outcome.conflicts.isEmpty)
        #expect(read(root, "A.swift") == "version 2")
        #expect(Checksums.load(root: root).isPristine("A.swift", contents: Data("version 2".utf8)))
    }

    @Test func reportsAnEditedFileAsAConflictAndWritesNothingWithoutForce() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "original")]).apply()
        try Data("edited by hand".utf8).write(to: root.appendingPathComponent("A.swift"))
        let before = snapshot(root)
        let changed = [GeneratedFile(path: "A.swift", contents: "regenerated"), GeneratedFile(path: "New.swift", contents: "new")]
        #expect(FileChangeSet(root: root, files: changed).plan().conflicts == ["A.swift"])
        #expect(throws: ForgeError.self) { try FileChangeSet(root: root, files: changed).apply() }
        #expect(snapshot(root) == before)
        let forced = try FileChangeSet(root: root, files: changed, force: true).apply()
        #expect(userPaths(forced.updated) == ["A.swift"])
        #expect(read(root, "A.swift") == "regenerated")
    }

    @Test func aFileForgeNeverWroteIsTheUsers() throws {
        let root = try makeScratchDirectory()
        try Data("hand-written".utf8).write(to: root.appendingPathComponent("A.swift"))
        #expect(FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "generated")]).plan().conflicts == ["A.swift"])
    }

    @Test func rewritesForgeOwnedFilesFreely() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "forge.yaml", contents: "v1", ownership: .forge)]).apply()
        try Data("hand-edited".utf8).write(to: root.appendingPathComponent("forge.yaml"))
        let outcome = try FileChangeSet(root: root, files: [GeneratedFile(path: "forge.yaml", contents: "v2", ownership: .forge)]).apply()
        #expect(outcome.updated == ["forge.yaml"])
    }

    @Test func aFailedWriteLeavesTheTreeByteIdentical() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [
            GeneratedFile(path: "keep.txt", contents: "keep"),
            GeneratedFile(path: "registry.swift", contents: "old", ownership: .forge),
        ]).apply()
        // "keep.txt/child" cannot be created because keep.txt is a file: the set must fail whole.
        let before = snapshot(root)
        let files = [
            GeneratedFile(path: "registry.swift", contents: "new", ownership: .forge),
            GeneratedFile(path: "Sources/Deep/New.swift", contents: "new"),
            GeneratedFile(path: "keep.txt/child", contents: "impossible"),
        ]
        #expect(throws: ForgeError.self) { try FileChangeSet(root: root, files: files).apply() }
        #expect(snapshot(root) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources").path))
    }

    @Test func planAndDiffWriteNothing() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "one\ntwo\nthree\n")]).apply()
        let before = snapshot(root)
        let changes = FileChangeSet(root: root, files: [
            GeneratedFile(path: "A.swift", contents: "one\n2\nthree\n"),
            GeneratedFile(path: "B.swift", contents: "new\n"),
        ])
        let outcome = changes.plan()
        #expect(outcome.created == ["B.swift"])
        #expect(userPaths(outcome.updated) == ["A.swift"])
        let diff = changes.diff(outcome)
        #expect(diff.contains("--- a/A.swift\n+++ b/A.swift\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"))
        #expect(diff.contains("--- /dev/null\n+++ b/B.swift\n@@ -0,0 +1 @@\n+new\n"))
        #expect(snapshot(root) == before)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
