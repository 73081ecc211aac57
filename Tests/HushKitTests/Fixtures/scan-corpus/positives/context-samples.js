// config (corpus: fake values)
module.exports = {
  softlayerApiKey: "6fe8a3189761732a8b7e940b74d1202b0c722e11346231bf8da596117f292521",
  bitbucketOauthKey: "cJvyRHAfTjoN2OLMwr",
  newRelicLicenseKey: "6223d4ff8fe36c99f6117bc942a49d6287c61e39",
  adobeClientSecret: "p8e-JeGacygXyRWE4H5MlB1gBZcy3rDApElC",
  linkedinClientSecret: "DXP05JKPJDWhajGC",
  telegramBotToken: "8031402085:BwShsqH1slkSL2PtQhbDzZ1Tww-WZO9jSgp",
  asanaApiToken: "9580796261377714",
  ibmcloudApikey: "_Z0cUlDMSfST2haRxTQkCZAMkAvMghZ4XfoS_R7KFaFY",
  bitbucketOauthSecret: "j2Mgy6tKHxyuPUBOMkG3NK9i00pUF3X5",
  sumoAccessId: "suzq8IwOvqKN62",
  adafruitIoKey: "5c39cd1d6dfdabb6a38816530a964415",
  finnhubToken: "r0tgk43lt5wfuwg4bobw",
  discordClientSecret: "8NjmUea2HjqyYNE5ElGNnCauA91koPvr",
  squareSandboxSecret: "sandbox-sq0csb-SQ7T2cY6KgpiQNyYRLptu4O1ndziMCtfy2SfqTiu2Um",
};
