window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "1518185642810327041",
      "fullText" : "PB day!! 10k in 52:10 and I didn't even cry at the hill 🏃‍♀️",
      "expandedUrl" : "https://twitter.com/i/web/status/1518185642810327041"
    }
  },
  {
    "like" : {
      "tweetId" : "1677585120190930944",
      "fullText" : "Library late-night opening returns this Friday! Board games, hot chocolate, and silence optional.",
      "expandedUrl" : "https://twitter.com/i/web/status/1677585120190930944"
    }
  },
  {
    "like" : {
      "tweetId" : "1536794520128643072",
      "fullText" : "new (old) bass day. she is heavy and she is perfect",
      "expandedUrl" : "https://twitter.com/i/web/status/1536794520128643072"
    }
  },
  {
    "like" : {
      "tweetId" : "1721504480034779137"
    }
  }
]