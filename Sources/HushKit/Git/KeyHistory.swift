/// `hush log`: which commits added, changed or removed each key, read from git history without
/// any key.
///
/// Hush keeps an unchanged value's token byte for byte, so comparing the tokens of a file's
/// consecutive revisions gives exactly the values whose plaintext changed. A data-key rotation
/// re-seals every value; it is recognised by the wraps: a file keeps each recipient's wrap line
/// byte for byte while its data key stays, and a new data key gets new wraps for everyone. So a
/// revision none of whose wraps appears in the previous one has a new data key, and its
/// re-sealed values are reported as one line rather than one change per value.
///
/// Speed: one `git log --raw` lists the commits with the blob ids of each changed file and of
/// its parent version; one `git cat-file --batch` process reads the blobs. Revisions are read
/// oldest first, and a revision that differs from its parent only in token text is derived
/// from it by comparing lines (`FileRevision.successor`); in dotenv files, only the lines
/// between the unchanged first and last lines are scanned; other revisions are scanned in full.
public enum KeyHistory {
    public enum Kind: String, Sendable {
        case added
        case changed
        case removed
        /// A new data key re-sealed the value (its plaintext is the same, or unknown without a key).
        case resealed = "re-sealed"
        /// The revision is not a readable sealed file.
        case unreadable
        /// An exposure was acknowledged as not secret (`hush exposed ack`); `note` says who and why.
        case acknowledged
    }

    /// A value as `--values` shows it.
    public enum Value: Sendable, Equatable {
        case text(String)
        /// None of the caller's identities opens that revision.
        case sealed
        /// The revision fails its MAC, or the value does not open.
        case damaged
    }

    public struct Change: Sendable {
        /// Environment name (the file name without extension).
        public let env: String
        /// Repository-relative path of the file.
        public let file: String
        /// The key in dotted display form; nil for a line about the whole file.
        public let key: String?
        public let kind: Kind
        /// With `--values`: the value after the change (before it, for a removal).
        public var value: Value?
        /// With `--values`: the value before a change.
        public var previous: Value?
        /// Why a revision is unreadable.
        public var note: String?
    }

    public struct Commit: Sendable {
        public let hash: String
        public let shortHash: String
        public let author: String
        /// `YYYY-MM-DD HH:MM`, in the author's time zone.
        public let date: String
        public let subject: String
        public var changes: [Change]
    }
}
