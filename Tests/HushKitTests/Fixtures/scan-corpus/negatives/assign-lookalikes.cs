var entry = new DirectoryEntry(url, user, password);
public string Password { get; set; }
var cred = new NetworkCredential(user, pass);
if (secret == expected) { }
