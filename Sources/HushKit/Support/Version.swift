/// The Hush release and the format version it writes.
public enum HushVersion {
    public static let release = "0.1.0"
    public static let format = Trailer.supportedVersion
}
