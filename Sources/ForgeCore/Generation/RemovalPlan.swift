/// What `forge destroy` does: the manifest without the resource or component, the files to
/// write (forge-owned ones, and a drop-table migration when the table's migrations had run),
/// and the files to delete.
public struct RemovalPlan {
    public var plan: GenerationPlan
    /// Whether the table's migrations had run, so a new migration drops the table instead of
    /// the ones that made it being deleted.
    public var dropsTable: Bool
}
