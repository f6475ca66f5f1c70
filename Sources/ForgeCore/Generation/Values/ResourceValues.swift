/// What every `resource/*` template renders from: one resource, its fields and its
/// references, named the way the generated Swift spells them.
///
/// Swift expressions that follow from a field's type and rules (a column type, a rule call, a
/// fake call) come from the type table through ``ResourceContext``; every line and statement
/// around them is the template's, so a published template can change it.
struct ResourceValues: Encodable {
    var command: String
    var appType: String
    var type: String
    var plural: String
    var table: String
    var path: String
    var variable: String
    var pluralVariable: String
    var migrationType: String
    var migrationName: String
    var fields: [FieldValues]
    var enums: [EnumValues]
    /// Whether any field's property is spelled differently from its column.
    var hasRenamed: Bool
    /// Whether every column is its property in snake_case and back (a digit after an
    /// underscore, as in `photo_2x`, does not survive Swift's conversion), so no `CodingKeys`.
    var snakeCaseKeys: Bool
    var softDeletes: Bool
    var `protected`: Bool
    /// Rows belong to users (`--owned`): a `user_id` column, and every repository made with an owner.
    var owned: Bool
    /// What a generated test runs its client in: `signedIn` or `app.run`.
    var runner: String
    var dualIDs: Bool
    /// The `JSONValue` accessor an id reads back as: `int`, or `string` for public UUIDs.
    var idAccessor: String
    /// An id no row has.
    var missingID: String
    /// A reference id a factory test can point at without a database: `1` or `UUID()`.
    var sampleID: String
    var requiredFields: [RequiredField]
    var hasRequired: Bool
    var uniqueFields: [UniqueField]
    var hasUniqueFields: Bool
    var references: [ReferenceValues]
    var hasReferences: Bool
    /// The has-many side: every reference of another resource (or this one) that points here.
    var children: [ChildValues]
    /// The references and children whose resource has a response, which `?include=` may embed.
    var includedReferences: [ReferenceValues]
    var includedChildren: [ChildValues]
    /// The many-to-many fields (`tags:many/Tag`), each with its pivot table.
    var links: [LinkValues]
    var hasLinks: Bool
    var includedLinks: [LinkValues]
    /// The links a generated test exercises: those whose target's factory needs no rows of its own
    /// and whose routes the test's client may call.
    var testedLinks: [LinkValues]
    /// `"tag_ids", "label_ids"`: the request properties a change set leaves out.
    var linkColumns: String
    /// References to the auth module's accounts (`owner:references/User`).
    var userReferences: [UserReferenceValues]
    var hasUserReferences: Bool
    /// Whether a generated test makes rows first (references to resources or to accounts).
    var hasSetup: Bool
    /// Whether the generated test signs in or signs up (ForgeAuthTesting).
    var importsAuthTesting: Bool
    /// Whether the service runs as the caller (`acting(as:)`) and consults `<Name>Policy` (roles,
    /// `make:policy`, or owned rows), and the roles it was made from.
    var hasPolicy: Bool
    var hasRole: Bool
    var role: String
    var hasReadRole: Bool
    var readRole: String
    /// The roles the create migration makes and the generated tests' caller holds.
    var roles: [String]
    var hasRoles: Bool
    /// Whether the service needs `existing(_:on:)`: link routes, or an owned resource's writes.
    var needsExisting: Bool
    /// Whether any column may be sorted and filtered by (else the listing's columns are `[:]`).
    var hasListable: Bool
    var hasIncludes: Bool
    var serviceImportsFoundation: Bool
    /// Whether the controller names `UUID` (the link routes of a `--ids dual` app).
    var controllerImportsFoundation: Bool
    /// The rows a generated test creates before its own: one per referenced table, deepest first.
    var referenceSetup: [SetupStep]
    /// One entry per table the references point at (a seeder reads each table's ids once).
    var referencedTables: [ReferencedTable]
    var indexes: [IndexValues]
    /// The column a generated test changes with PATCH.
    var updateColumn: String

    struct FieldValues: Encodable {
        var property: String
        var column: String
        var renamed: Bool
        var swiftType: String
        /// The listing's filter kind (`text`, `integer`…); empty for a field clients cannot sort by.
        var columnKind: String
        var listable: Bool
        var modelType: String
        var optional: Bool
        var createRules: [String]
        var hasCreateRules: Bool
        var updateRules: [String]
        var hasUpdateRules: Bool
        /// What the draft stores: the property, with its `default:` when it is optional.
        var draftValue: String
        var columnType: String
        var constraints: [String]
        var fake: String
        var isLast: Bool
    }

    struct EnumValues: Encodable {
        var enumType: String
        var column: String
        var cases: [EnumCase]
    }

    struct EnumCase: Encodable {
        /// The case's Swift name, backquoted when it is a keyword.
        var name: String
        var renamed: Bool
        var value: String
    }

    struct RequiredField: Encodable {
        var property: String
        var column: String
    }

    struct UniqueField: Encodable {
        var column: String
        var property: String
        /// Not null in a draft, so the create and replace checks need no `if let`.
        var required: Bool
        var uniqueLabel: String
    }

    struct ReferenceValues: Encodable {
        /// The relation's type-cased name, for nested-route handlers: `listForAuthor`.
        var relationType: String
        /// The target's URL path (`posts`), under which the nested routes live.
        var targetPath: String
        /// This resource's path below one target row: its own (`comments`), or with two
        /// references to the same target, the has-many name (`messages_as_sender`).
        var nestedPath: String
        /// The target's key property the reference holds: `id`, or `publicId` in `--ids dual` apps.
        var targetKey: String
        /// The relation's name in `?include=`: the column without `_id` (`author`, `blog_post`).
        var includeName: String
        /// Whether the target has a response type (`make:model` resources have none).
        var hasResponse: Bool
        var column: String
        var property: String
        var relation: String
        var targetType: String
        var targetTable: String
        var targetVariable: String
        /// The factory's property holding the ids this reference may point at.
        var idsProperty: String
        /// The local holding the target table's ids, in a seeder or a test.
        var tableIds: String
        /// What a test's factory points this reference at: `tableIds`, or `[]` for the
        /// resource's own table (no row of it exists before the test's first).
        var setupIds: String
        var idType: String
        var keyCase: String
        var idsMethod: String
        var optional: Bool
        /// Whether the target is owned too (its repository then takes the same owner).
        var targetOwned: Bool
        var last: Bool
    }

    /// `post.comments(on:)`: the rows of `childType` whose `column` holds this row's key.
    struct ChildValues: Encodable {
        var relation: String
        var childType: String
        var childPluralVariable: String
        var column: String
        /// The property the child's column holds: `id`, or `publicId` in `--ids dual` apps.
        var key: String
        /// The child's property for `column`.
        var childProperty: String
        /// The relation's name in `?include=`, in snake_case: `comments`, `messages_as_sender`.
        var includeName: String
        /// Whether the child has a response type (`make:model` resources have none).
        var hasResponse: Bool
        /// Whether the child is owned (then so is this resource, and the child's rows are this row's owner's).
        var childOwned: Bool
    }

    /// `tags:many/Tag` of `Post`: the pivot `post_tags (post_id, tag_id)`, the routes under
    /// `/api/posts/{id}/tags`, and `tag_ids` in request bodies.
    struct LinkValues: Encodable {
        /// The model's method and the service's parameter: `tags`.
        var relation: String
        /// `Tags`, for handler names: `replaceTags`.
        var relationType: String
        /// The field's name: the include and filter name (`include=tags`, `filter[tags]=3`).
        var linkName: String
        /// The URL segment below one row: `tags`.
        var linkPath: String
        var pivot: String
        /// The model's static `Pivot`: `tagsPivot`.
        var pivotProperty: String
        var ownerColumn: String
        var targetColumn: String
        /// The path parameter naming one linked row: `tag_id`, in its route as `{tag_id}`.
        var targetParameter: String
        var targetRoute: String
        /// `tag_ids` in bodies, `tagIds` in Swift.
        var idsKey: String
        var idsProperty: String
        var targetType: String
        var targetTable: String
        /// The target's URL path: `tags`.
        var targetPath: String
        var targetVariable: String
        /// `Tag`, for handler names (`attachTag`), and `tag` for one linked row's key.
        var singularType: String
        var singularVariable: String
        var idType: String
        /// The pivot columns' type: the keys' (`.bigint`, or UUID text in `--ids dual` apps).
        var keyType: String
        /// The column both foreign keys point at: `id` or `public_id`.
        var keyColumn: String
        /// The owner's property the pivot holds: `id` or `publicId`.
        var ownerKey: String
        var idsMethod: String
        var targetSoftDeletes: Bool
        var hasResponse: Bool
        /// Whether the generated test covers it (see ``ResourceValues/testedLinks``).
        var tested: Bool
        var last: Bool
    }

    /// `owner:references/User`: a `users.id`, checked in the service, filled from existing accounts.
    struct UserReferenceValues: Encodable {
        var column: String
        var property: String
        /// The factory's property holding the account ids it may use: `ownerIds`.
        var idsProperty: String
        var optional: Bool
    }

    struct ReferencedTable: Encodable {
        var targetTable: String
        var targetType: String
        var tableIds: String
        var idsMethod: String
        /// Whether any field pointing at the table must be set.
        var required: Bool
        /// Whether the table's rows are owned: a seeder reads only its owner's.
        var targetOwned: Bool
    }

    struct SetupStep: Encodable {
        var targetType: String
        var path: String
        var tableIds: String
        var idType: String
        /// The target factory's own references, pointed at rows made by earlier steps.
        var arguments: [SetupArgument]
    }

    struct SetupArgument: Encodable {
        var idsProperty: String
        var tableIds: String
        var last: Bool
    }

    struct IndexValues: Encodable {
        var name: String
        var column: String
    }
}
