window.YTD.following.part0 = [
  {
    "following" : {
      "accountId" : "2212003451",
      "userLink" : "https://twitter.com/intent/user?user_id=2212003451"
    }
  },
  {
    "following" : {
      "accountId" : "1458822019934707712",
      "userLink" : "https://twitter.com/intent/user?user_id=1458822019934707712"
    }
  },
  {
    "following" : {
      "accountId" : "3021177640",
      "userLink" : "https://twitter.com/intent/user?user_id=3021177640"
    }
  },
  {
    "following" : {
      "accountId" : "16490712",
      "userLink" : "https://twitter.com/intent/user?user_id=16490712"
    }
  },
  {
    "following" : {
      "accountId" : "1208841662211235840",
      "userLink" : "https://twitter.com/intent/user?user_id=1208841662211235840"
    }
  },
  {
    "following" : {
      "accountId" : "2455032101",
      "userLink" : "https://twitter.com/intent/user?user_id=2455032101"
    }
  },
  {
    "following" : {
      "accountId" : "987312446",
      "userLink" : "https://twitter.com/intent/user?user_id=987312446"
    }
  },
  {
    "following" : {
      "accountId" : "1491200558812053505",
      "userLink" : "https://twitter.com/intent/user?user_id=1491200558812053505"
    }
  },
  {
    "following" : {
      "accountId" : "318277410",
      "userLink" : "https://twitter.com/intent/user?user_id=318277410"
    }
  },
  {
    "following" : {
      "accountId" : "1072299834512351232",
      "userLink" : "https://twitter.com/intent/user?user_id=1072299834512351232"
    }
  }
]