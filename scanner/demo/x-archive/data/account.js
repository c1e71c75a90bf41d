window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "jess.whitcombe@example.com",
      "createdVia" : "web",
      "username" : "jesswhitcombe",
      "accountId" : "1290458813276540928",
      "createdAt" : "2020-08-04T19:22:31.000Z",
      "accountDisplayName" : "Jess Whitcombe"
    }
  }
]