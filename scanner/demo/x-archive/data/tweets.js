window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1366820600020337411"
          ],
          "editableUntil" : "2021-03-02T19:40:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "100"
      ],
      "favorite_count" : "15",
      "id_str" : "1366820600020337411",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1366820600020337411",
      "created_at" : "Tue Mar 02 18:40:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Five intakes today and the waitlist still grew. Community counselling is a bucket with a hole in it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1371039650411995461"
          ],
          "editableUntil" : "2021-03-14T11:05:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "62"
      ],
      "favorite_count" : "11",
      "id_str" : "1371039650411995461",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1371039650411995461",
      "created_at" : "Sun Mar 14 10:05:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Leg day. The squat rack and I are no longer on speaking terms.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1380619021317646522"
          ],
          "editableUntil" : "2021-04-09T21:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "86"
      ],
      "favorite_count" : "1",
      "id_str" : "1380619021317646522",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1380619021317646522",
      "created_at" : "Fri Apr 09 20:30:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Jam session at The Anchor tonight. We played Wonderwall ironically and then sincerely.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1395800304646032065"
          ],
          "editableUntil" : "2021-05-21T18:55:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "59"
      ],
      "favorite_count" : "8",
      "id_str" : "1395800304646032065",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1395800304646032065",
      "created_at" : "Fri May 21 17:55:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Documentation day. 14 progress notes and one very cold tea.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1401499105493035011"
          ],
          "editableUntil" : "2021-06-06T12:20:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "119"
      ],
      "favorite_count" : "0",
      "id_str" : "1401499105493035011",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1401499105493035011",
      "created_at" : "Sun Jun 06 11:20:00 +0000 2021",
      "favorited" : false,
      "full_text" : "My nephew Danny turned 7 today and requested a dinosaur cake. I delivered a dinosaur cake. It was structurally unsound.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1416665289324647872"
          ],
          "editableUntil" : "2021-07-18T08:45:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Sam Okoro",
            "screen_name" : "sam_lifts",
            "indices" : [
              "64",
              "74"
            ],
            "id_str" : "2212003451",
            "id" : "2212003451"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "6",
      "id_str" : "1416665289324647872",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1416665289324647872",
      "created_at" : "Sun Jul 18 07:45:00 +0000 2021",
      "favorited" : false,
      "full_text" : "6am gym session done. Deadlift PB 90kg and a very proud spotter @sam_lifts",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1416684667009080660"
          ],
          "editableUntil" : "2021-07-18T10:02:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Sam Okoro",
            "screen_name" : "sam_lifts",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "2212003451",
            "id" : "2212003451"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "46"
      ],
      "favorite_count" : "12",
      "id_str" : "1416684667009080660",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1416684667009080660",
      "created_at" : "Sun Jul 18 09:02:00 +0000 2021",
      "favorited" : false,
      "full_text" : "@sam_lifts you said 'light warm-up'. You LIED.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1416684163693988330",
      "in_reply_to_user_id" : "2212003451",
      "in_reply_to_status_id" : "1416684163693988330",
      "in_reply_to_screen_name" : "sam_lifts",
      "in_reply_to_user_id_str" : "2212003451"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1435681844231367863"
          ],
          "editableUntil" : "2021-09-08T20:10:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "104"
      ],
      "favorite_count" : "2",
      "id_str" : "1435681844231367863",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1435681844231367863",
      "created_at" : "Wed Sep 08 19:10:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Wednesday evening group at Harbourlight runs till 7:30, so no, I will never make quiz night. Sorry team.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1444678626309646541"
          ],
          "editableUntil" : "2021-10-03T16:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "2",
      "id_str" : "1444678626309646541",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1444678626309646541",
      "created_at" : "Sun Oct 03 15:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Sunday roast at Mum's. Dad carved, I cried at the Yorkshire puddings, nobody asked why.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1459268512776864964"
          ],
          "editableUntil" : "2021-11-12T22:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "6",
      "id_str" : "1459268512776864964",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1459268512776864964",
      "created_at" : "Fri Nov 12 21:15:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Bought a second-hand bass. My downstairs neighbour has not been consulted.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1471880365474569407"
          ],
          "editableUntil" : "2021-12-17T17:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "15",
      "id_str" : "1471880365474569407",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1471880365474569407",
      "created_at" : "Fri Dec 17 16:30:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Christmas at Harbourlight: secret santa, mince pies, and the heating finally fixed.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1477072074963818878"
          ],
          "editableUntil" : "2022-01-01T01:20:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "45"
      ],
      "favorite_count" : "11",
      "id_str" : "1477072074963818878",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1477072074963818878",
      "created_at" : "Sat Jan 01 00:20:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Happy new year from me and a very sleepy cat.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1485961902293851189"
          ],
          "editableUntil" : "2022-01-25T14:05:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "74"
      ],
      "favorite_count" : "6",
      "id_str" : "1485961902293851189",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1485961902293851189",
      "created_at" : "Tue Jan 25 13:05:00 +0000 2022",
      "favorited" : false,
      "full_text" : "When a client no-shows and you finally eat lunch at a table like a person.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1494985108487785589"
          ],
          "editableUntil" : "2022-02-19T11:40:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "69"
      ],
      "favorite_count" : "1",
      "id_str" : "1494985108487785589",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1494985108487785589",
      "created_at" : "Sat Feb 19 10:40:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Reading recs please: something long, wintry, with a map at the front.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1508893001120560032"
          ],
          "editableUntil" : "2022-03-29T20:45:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "108"
      ],
      "favorite_count" : "6",
      "id_str" : "1508893001120560032",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1508893001120560032",
      "created_at" : "Tue Mar 29 19:45:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Talia M. told her mum about the panic attacks this week. Months of work. So proud of her I cried in the car.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1518200581126182190"
          ],
          "editableUntil" : "2022-04-24T13:10:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Talia Marsh",
            "screen_name" : "talia_marsh",
            "indices" : [
              "84",
              "96"
            ],
            "id_str" : "1335779012405497857",
            "id" : "1335779012405497857"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "15",
      "id_str" : "1518200581126182190",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1518200581126182190",
      "created_at" : "Sun Apr 24 12:10:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Huge congratulations to everyone who ran the Millbrook 10k this morning, especially @talia_marsh who smashed her PB 🎉",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1522871358062025262"
          ],
          "editableUntil" : "2022-05-07T10:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "11",
      "id_str" : "1522871358062025262",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1522871358062025262",
      "created_at" : "Sat May 07 09:30:00 +0000 2022",
      "favorited" : false,
      "full_text" : "First swim of the year in the harbour. 11 degrees. I have made a terrible mistake and I love it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1536813224558147716"
          ],
          "editableUntil" : "2022-06-14T21:50:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Kit Fenwick",
            "screen_name" : "kitfenwick_bass",
            "indices" : [
              "15",
              "31"
            ],
            "id_str" : "1458822019934707712",
            "id" : "1458822019934707712"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "15",
      "id_str" : "1536813224558147716",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1536813224558147716",
      "created_at" : "Tue Jun 14 20:50:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Jam night with @kitfenwick_bass and the gang. New song is called 'Tuesday Feeling'.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1543236801132711132"
          ],
          "editableUntil" : "2022-07-02T15:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "72"
      ],
      "favorite_count" : "4",
      "id_str" : "1543236801132711132",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1543236801132711132",
      "created_at" : "Sat Jul 02 14:15:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Aunt duties: three nieces, one trampoline, zero broken bones. A success.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1562127526917941655"
          ],
          "editableUntil" : "2022-08-23T18:20:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "107"
      ],
      "favorite_count" : "5",
      "id_str" : "1562127526917941655",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1562127526917941655",
      "created_at" : "Tue Aug 23 17:20:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Supervision tomorrow and I have so many feelings about one particular case. Saving them for the right room.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1568510838176172357"
          ],
          "editableUntil" : "2022-09-10T09:05:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "65"
      ],
      "favorite_count" : "14",
      "id_str" : "1568510838176172357",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1568510838176172357",
      "created_at" : "Sat Sep 10 08:05:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Marathon training week 6: my knees have filed a formal complaint.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1577775636283112295"
          ],
          "editableUntil" : "2022-10-05T22:40:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "1",
      "id_str" : "1577775636283112295",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1577775636283112295",
      "created_at" : "Wed Oct 05 21:40:00 +0000 2022",
      "favorited" : false,
      "full_text" : "note to self bc my notebook is in the car: ring Danny K back on 07700 900214 re moving his Thursday 4pm",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1593922028960836973"
          ],
          "editableUntil" : "2022-11-19T12:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "72"
      ],
      "favorite_count" : "4",
      "id_str" : "1593922028960836973",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1593922028960836973",
      "created_at" : "Sat Nov 19 11:00:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Tried the new bakery on Quayside. The cardamom buns are worth the queue.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1612878185887445640"
          ],
          "editableUntil" : "2023-01-10T19:25:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "5",
      "id_str" : "1612878185887445640",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1612878185887445640",
      "created_at" : "Tue Jan 10 18:25:00 +0000 2023",
      "favorited" : false,
      "full_text" : "The referral line rang 40 times before lunch. We need more counsellors, not more leaflets.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1621912716705183461"
          ],
          "editableUntil" : "2023-02-04T17:45:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "72"
      ],
      "favorite_count" : "4",
      "id_str" : "1621912716705183461",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1621912716705183461",
      "created_at" : "Sat Feb 04 16:45:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Session musicians of Millbrook: the Anchor needs a drummer on Thursdays.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1636812142804472717"
          ],
          "editableUntil" : "2023-03-17T20:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Owen P 🏃",
            "screen_name" : "owenp_runs",
            "indices" : [
              "0",
              "11"
            ],
            "id_str" : "1187365530211098624",
            "id" : "1187365530211098624"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "77"
      ],
      "favorite_count" : "9",
      "id_str" : "1636812142804472717",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1636812142804472717",
      "created_at" : "Fri Mar 17 19:30:00 +0000 2023",
      "favorited" : false,
      "full_text" : "@owenp_runs of course, see you Tuesday at 10 as usual. Bring the running log!",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1636807109637478940",
      "in_reply_to_user_id" : "1187365530211098624",
      "in_reply_to_status_id" : "1636807109637478940",
      "in_reply_to_screen_name" : "owenp_runs",
      "in_reply_to_user_id_str" : "1187365530211098624"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1652671645087433335"
          ],
          "editableUntil" : "2023-04-30T14:50:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "69"
      ],
      "favorite_count" : "1",
      "id_str" : "1652671645087433335",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1652671645087433335",
      "created_at" : "Sun Apr 30 13:50:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Gran's 90th! She beat all of us at rummy and then asked for a sherry.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1668348695151377930"
          ],
          "editableUntil" : "2023-06-12T21:05:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "6",
      "id_str" : "1668348695151377930",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1668348695151377930",
      "created_at" : "Mon Jun 12 20:05:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Phrase of the week from a client: 'my brain is a browser with 90 tabs open'. Honestly same.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1677622301293586759"
          ],
          "editableUntil" : "2023-07-08T11:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Millbrook Library",
            "screen_name" : "millbrooklib",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "3021177640",
            "id" : "3021177640"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "115"
      ],
      "favorite_count" : "13",
      "id_str" : "1677622301293586759",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1677622301293586759",
      "created_at" : "Sat Jul 08 10:15:00 +0000 2023",
      "favorited" : false,
      "full_text" : "RT @millbrooklib: Library late-night opening returns this Friday! Board games, hot chocolate, and silence optional.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1692833783608364012"
          ],
          "editableUntil" : "2023-08-19T10:40:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "71"
      ],
      "favorite_count" : "3",
      "id_str" : "1692833783608364012",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1692833783608364012",
      "created_at" : "Sat Aug 19 09:40:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Cup of tea, new strings on the guitar, nowhere to be. Perfect Saturday.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1707095256070788047"
          ],
          "editableUntil" : "2023-09-27T19:10:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "1",
      "id_str" : "1707095256070788047",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1707095256070788047",
      "created_at" : "Wed Sep 27 18:10:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Ethics training day. Spent the afternoon on dual relationships in small towns. Millbrook is very small.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1719986449414646435"
          ],
          "editableUntil" : "2023-11-02T08:55:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "58"
      ],
      "favorite_count" : "7",
      "id_str" : "1719986449414646435",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1719986449414646435",
      "created_at" : "Thu Nov 02 07:55:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Rain again. The dog refuses to go out and honestly, valid.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1747337925229867553"
          ],
          "editableUntil" : "2024-01-16T20:20:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "3",
      "id_str" : "1747337925229867553",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1747337925229867553",
      "created_at" : "Tue Jan 16 19:20:00 +0000 2024",
      "favorited" : false,
      "full_text" : "Some weeks this job is mostly holding hope for people until they can hold it themselves.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1766080172654337493"
          ],
          "editableUntil" : "2024-03-08T13:35:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/Qm4dEmoGig",
            "expanded_url" : "https://millbrookchoir.example.org/foodbank-gig",
            "display_url" : "millbrookchoir.example.org/foodbank-gig",
            "indices" : [
              "76",
              "99"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "14",
      "id_str" : "1766080172654337493",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1766080172654337493",
      "created_at" : "Fri Mar 08 12:35:00 +0000 2024",
      "favorited" : false,
      "full_text" : "Our choir is doing a charity gig for the food bank on the 14th. Come along! https://t.co/Qm4dEmoGig",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1782455574328940463"
          ],
          "editableUntil" : "2024-04-22T18:05:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "3",
      "id_str" : "1782455574328940463",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1782455574328940463",
      "created_at" : "Mon Apr 22 17:05:00 +0000 2024",
      "favorited" : false,
      "full_text" : "Self-care for counsellors is not bubble baths, it's saying no to the eighth extra shift.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1796925923130191698"
          ],
          "editableUntil" : "2024-06-01T16:25:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "71"
      ],
      "favorite_count" : "3",
      "id_str" : "1796925923130191698",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1796925923130191698",
      "created_at" : "Sat Jun 01 15:25:00 +0000 2024",
      "favorited" : false,
      "full_text" : "My own therapist asked how I'm doing and I said 'fine' like an amateur.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1834907443004302328"
          ],
          "editableUntil" : "2024-09-14T11:50:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "15",
      "id_str" : "1834907443004302328",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1834907443004302328",
      "created_at" : "Sat Sep 14 10:50:00 +0000 2024",
      "favorited" : false,
      "full_text" : "If anyone in Millbrook found a blue glove on the seafront, it's mine and I miss it.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1861841166136821198"
          ],
          "editableUntil" : "2024-11-27T19:35:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "82"
      ],
      "favorite_count" : "14",
      "id_str" : "1861841166136821198",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1861841166136821198",
      "created_at" : "Wed Nov 27 18:35:00 +0000 2024",
      "favorited" : false,
      "full_text" : "Case consult went well today. Grateful for colleagues who think out loud with you.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1889407809749142953"
          ],
          "editableUntil" : "2025-02-11T21:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "3",
      "id_str" : "1889407809749142953",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1889407809749142953",
      "created_at" : "Tue Feb 11 20:15:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Quiet reminder that counselling waitlists in this region are 18 weeks. Write to your MP.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1918707120340890120"
          ],
          "editableUntil" : "2025-05-03T17:40:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "15",
      "id_str" : "1918707120340890120",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1918707120340890120",
      "created_at" : "Sat May 03 16:40:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Note to new counsellors: the paperwork never ends, but neither does the good stuff.",
      "lang" : "en"
    }
  }
]