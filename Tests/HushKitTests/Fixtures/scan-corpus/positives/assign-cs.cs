// corpus: fake values
class Ldap {
    var entry = new DirectoryEntry(url, user, "Ferret991");
    string password = "cobalt70";
    var cred = new NetworkCredential("svc", "Quokka302");
    if (secretPassword == "B&!-?!0q5") { Unlock(); }
}
