import ForgeCore
import Foundation
import Testing

@Suite(.serialized) struct FileChangeSetTests {
    @Test func writesNewFilesAndThenReportsThemUnchanged() throws {
        let root = try makeScratchDirectory()
        let files = [GeneratedFile(path: "Sources/A.swift", contents: "a"), GeneratedFile(path: "b.txt", contents: "b")]
        let first = try FileChangeSet(root: root, files: files).apply()
        #expect(first.created == ["Sources/A.swift", "b.txt"])
        let second = try FileChangeSet(root: root, files: files).apply()
        #expect(!second.changedAnything)
        #expect(second.unchanged.count == 2)
    }

    @Test func neverOverwritesAUserFileWithoutForce() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "original")]).apply()
        try Data("edited by hand".utf8).write(to: root.appendingPathComponent("A.swift"))
        let before = snapshot(root)
        let changed = [GeneratedFile(path: "A.swift", contents: "regenerated"), GeneratedFile(path: "New.swift", contents: "new")]
        #expect(throws: ForgeError.self) { try FileChangeSet(root: root, files: changed).apply() }
        #expect(snapshot(root) == before)
        let forced = try FileChangeSet(root: root, files: changed, force: true).apply()
        #expect(forced.updated == ["A.swift"])
        #expect(String(decoding: FileManager.default.contents(atPath: root.appendingPathComponent("A.swift").path)!, as: UTF8.self) == "regenerated")
    }

    @Test func rewritesForgeOwnedFilesFreely() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "forge.yaml", contents: "v1", ownership: .forge)]).apply()
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

    @Test func planWritesNothing() throws {
        let root = try makeScratchDirectory()
        let outcome = try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "a")]).plan()
        #expect(outcome.created == ["A.swift"])
        #expect(snapshot(root).isEmpty)
    }
}
