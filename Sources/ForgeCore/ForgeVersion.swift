/// The version of forge (the CLI and the runtime it ships together).
public enum ForgeVersion {
    public static let current = "0.1.0"
}
