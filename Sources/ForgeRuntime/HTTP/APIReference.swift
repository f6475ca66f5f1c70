import Hummingbird
import Synchronization

/// Serves the app's OpenAPI document at `GET /openapi.json`, byte for byte as forge wrote it,
/// and a readable reference made from it at `GET /docs`: one self-contained HTML page (inline
/// styles, no scripts, nothing fetched from elsewhere), rendered on first request and kept.
///
/// The generated registry registers it with the document forge embeds in `Sources/App/Forge/OpenAPI.swift`.
public struct APIReference: RouteRegistrar {
    let document: String
    let page: RenderedPage

    public init(document: String) {
        self.document = document
        self.page = RenderedPage(document: document)
    }

    public func register(on routes: Routes) {
        let json = ByteBuffer(string: document)
        routes.get("/openapi.json", handler: "APIReference.document") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: json))
        }
        routes.get("/docs", handler: "APIReference.page") { [page] _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page.html)))
        }
    }

    /// The page, made once: most apps start many times (tests, commands) and serve it rarely.
    final class RenderedPage: Sendable {
        let document: String
        private let cache = Mutex<String?>(nil)

        init(document: String) {
            self.document = document
        }

        var html: String {
            cache.withLock { cached in
                if let cached { return cached }
                let made = APIReferencePage(document: document).html
                cached = made
                return made
            }
        }
    }
}
