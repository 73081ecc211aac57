import Foundation

@testable import HushKit

// Unit samples of the registry rules (fake values from `Fake`, never real credentials).
extension RuleCases {
    static func dockerAuth(_ user: String, _ password: String) -> String {
        Data("\(user):\(password)".utf8).base64EncodedString()
    }

    static let registries: [RuleCase] = [
        RuleCase(
            "npm-access-token", hits: ["//registry.npmjs.org/:_authToken=\(F.checksummed("npm_"))", "NPM_TOKEN=npm_\(F.s(F.alnum, 36))"],
            misses: ["npm_\(F.s(F.alnum, 20))", "npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "npm_config_registry_url_for_the_build"]),
        RuleCase(
            "npmrc-auth-token", hits: ["//registry.npmjs.org/:_authToken=\(F.uuid())", "//npm.pkg.github.com/:_authToken=\(F.s(F.alnum, 40))"],
            misses: ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "//registry.npmjs.org/:_authToken=\"$NPM_TOKEN\""]),
        RuleCase(
            "pypi-api-token",
            hits: ["password = pypi-AgEIcHlwaS5vcmc\(F.s(F.base64url, 150))", "TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw\(F.s(F.base64url, 120))"],
            misses: ["pypi-AgEIcHlwaS5vcmc", "pypi-\(F.s(F.base64url, 100))"]),
        RuleCase(
            "rubygems-api-key", hits: [":rubygems_api_key: rubygems_\(F.s(F.hex, 48))"], misses: ["rubygems_\(F.s(F.hex, 20))", "rubygems_version: 3.4.10"]),
        RuleCase(
            "dockerhub-token", hits: ["echo dckr_pat_\(F.s(F.base64url, 27)) | docker login -u acme --password-stdin"],
            misses: ["dckr_pat_\(F.s(F.alnum, 10))", "dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "nuget-api-key", hits: ["dotnet nuget push pkg.nupkg --api-key oy2\(F.s(F.lowerAlnum, 43))"], misses: ["oy2\(F.s(F.lowerAlnum, 20))", "toy2story"]),
        RuleCase(
            "crates-io-token", hits: ["CARGO_REGISTRY_TOKEN=cio\(F.s(F.alnum, 32))"], misses: ["cio\(F.s(F.alnum, 10))", "precious function social"]),
        RuleCase(
            "clojars-token", hits: ["CLOJARS_PASSWORD=CLOJARS_\(F.s(F.lowerAlnum, 60))"], misses: ["CLOJARS_\(F.s(F.lowerAlnum, 20))", "CLOJARS_USERNAME=acme"]),
        RuleCase(
            "jfrog-api-key", hits: ["ARTIFACTORY_API_KEY=AKCp8\(F.s(F.alnum, 69))"], misses: ["AKCp8\(F.s(F.alnum, 20))", "AKCpXXXX"]),
        RuleCase(
            "jfrog-reference-token", hits: ["JFROG_ACCESS_TOKEN=cmVmdGtu\(F.s(F.alnum, 56))"], misses: ["cmVmdGtu\(F.s(F.alnum, 20))", "cmVmdGtu"]),
        RuleCase(
            "packagist-token", hits: ["PACKAGIST_TOKEN=packagist_uut_\(F.s(F.hex, 68))"],
            misses: ["packagist_uut_\(F.s(F.hex, 20))", "packagist_url: https://repo.packagist.org"]),
        RuleCase(
            "hex-api-key", hits: ["HEX_API_KEY=\(F.s(F.hex, 32))"], misses: ["HEX_API_KEY=\(F.s(F.hex, 16))", "hex_version: 2.0"]),
        RuleCase(
            "gradle-publish-secret", hits: ["gradle.publish.secret=\(F.s(F.alnum, 32))"],
            misses: ["gradle.publish.secret=\(F.s(F.alnum, 10))", "gradle.publish.key=${GRADLE_KEY}"]),
        RuleCase(
            "sonatype-nexus-password", hits: ["OSSRH_PASSWORD=\(F.s(F.base64url, 44))"], misses: ["OSSRH_USERNAME=acme", "ossrhPassword=${env.OSSRH_PASSWORD}"]),
        RuleCase(
            "cloudsmith-api-key", hits: ["CLOUDSMITH_API_KEY=\(F.s(F.hex, 40))"],
            misses: ["CLOUDSMITH_API_KEY=\(F.s(F.hex, 12))", "cloudsmith_repo: acme/main"]),
        RuleCase(
            "anaconda-token", hits: ["ANACONDA_TOKEN=\(F.s(F.base64url, 34))"], misses: ["ANACONDA_TOKEN=\(F.s(F.alnum, 10))", "anaconda_channel: conda-forge"]),
        RuleCase(
            "docker-config-auth", hits: [#"    "https://index.docker.io/v1/": { "auth": "\#(dockerAuth("acme-ci", F.s(F.alnum, 24)))" }"#],
            misses: [#""auth": "\#(dockerAuth("user", "password"))""#, #""auth": "\#(F.s(F.base64, 32))""#, #""auth": "token""#]),
    ]
}
