window.YTD.follower.part0 = [
  {
    "follower" : {
      "accountId" : "1187365530211098624",
      "userLink" : "https://twitter.com/intent/user?user_id=1187365530211098624"
    }
  },
  {
    "follower" : {
      "accountId" : "1335779012405497857",
      "userLink" : "https://twitter.com/intent/user?user_id=1335779012405497857"
    }
  },
  {
    "follower" : {
      "accountId" : "1402278890123456789",
      "userLink" : "https://twitter.com/intent/user?user_id=1402278890123456789"
    }
  },
  {
    "follower" : {
      "accountId" : "2212003451",
      "userLink" : "https://twitter.com/intent/user?user_id=2212003451"
    }
  },
  {
    "follower" : {
      "accountId" : "1458822019934707712",
      "userLink" : "https://twitter.com/intent/user?user_id=1458822019934707712"
    }
  },
  {
    "follower" : {
      "accountId" : "1512093377450123264",
      "userLink" : "https://twitter.com/intent/user?user_id=1512093377450123264"
    }
  },
  {
    "follower" : {
      "accountId" : "884201765",
      "userLink" : "https://twitter.com/intent/user?user_id=884201765"
    }
  },
  {
    "follower" : {
      "accountId" : "1098812345012345600",
      "userLink" : "https://twitter.com/intent/user?user_id=1098812345012345600"
    }
  },
  {
    "follower" : {
      "accountId" : "2985501276",
      "userLink" : "https://twitter.com/intent/user?user_id=2985501276"
    }
  },
  {
    "follower" : {
      "accountId" : "1620034118822912001",
      "userLink" : "https://twitter.com/intent/user?user_id=1620034118822912001"
    }
  },
  {
    "follower" : {
      "accountId" : "739901244",
      "userLink" : "https://twitter.com/intent/user?user_id=739901244"
    }
  },
  {
    "follower" : {
      "accountId" : "1377712093865226241",
      "userLink" : "https://twitter.com/intent/user?user_id=1377712093865226241"
    }
  },
  {
    "follower" : {
      "accountId" : "1230954401",
      "userLink" : "https://twitter.com/intent/user?user_id=1230954401"
    }
  },
  {
    "follower" : {
      "accountId" : "1561099023447805953",
      "userLink" : "https://twitter.com/intent/user?user_id=1561099023447805953"
    }
  }
]