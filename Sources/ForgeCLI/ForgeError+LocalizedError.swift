import Foundation
import ForgeCore

extension ForgeError: LocalizedError {
    public var errorDescription: String? { message }
}
