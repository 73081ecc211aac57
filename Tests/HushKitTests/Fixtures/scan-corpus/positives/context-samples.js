// config (corpus: fake values)
module.exports = {
  softlayerApiKey: "6fe8a3189761732a8b7e940b74d1202b0c722e11346231bf8da596117f292521",
  bitbucketOauthKey: "cJvyRHAfTjoN2OLMwr",
  newRelicLicenseKey: "6223d4ff8fe36c99f6117bc942a49d6287c61e39",
  adobeClientSecret: "p8e-JeGacygXyRWE4H5MlB1gBZcy3rDApElC",
  linkedinClientSecret: "DXP05JKPJDWhajGC",
  telegramBotToken: "8031402085:BwShsqH1slkSL2PtQhbDzZ1Tww-WZO9jSgp",
  awsBearerTokenBedrock: "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2rC7zS1Ne54/InlfJ2Ut/ssbUukTHnPywel6+tVIVD8XrK3WoH9oxF9dm8Et/ZWz5kzjOguM76SWrMW+sv5xs/8PB9DRmIHvNRkwYpITIrrIbdn6TVB6Se2FVwuc6q7LVklzMg0fHYyU8G4L2woZys6guEa0fJf6145YHvS6ssXBiGmo+Pl4xPJe+GutBGCZfrra1Q2LDBdkvfALm3DC1ITb6KhwzNwUhIL0wS25bSiwYvQhB9Ai40Gg0EfLZb717kijCNC+76aSngLS7mtjCDDoLV3qEwM1qNU35fcFoK1EAr9jutU6MIn6ou9Mtge8LnE8FHuZG2OaQ5dRt5yW2VPMToF7EzRANvPKaAbmzrwOK8VrWcDOrcPyqZYLFEyaUgJeq9b88RpcT+AjZ",
  cloudflareApiKey: "6486c74abee1a7c2a89960095c8d45a203f9a",
  sonarLogin: "7c411da0e784143474df1436c23bb1c24666bc97",
  bundleEnterpriseContribsysCom: "bf3d959a:97bbf95a",
  dropboxToken: "mw0mtyqRt2nzmf8zFrAUjHUE6VdLHG_1Mm6YQJUlH-tjbF3huoWIQMPiNjrDz6hi",
  typeformToken: "tfp_RtIFxzeyZxVWgrpxuJhAUkDmnkhwNFvAePvWkzGtI9MUx9Rz2iGVdt6Q3K",
  plaidClientId: "1c1afed8f58938bc30acb181",
};
