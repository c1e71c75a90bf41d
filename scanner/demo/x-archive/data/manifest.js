window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "1290458813276540928",
    "userName" : "jesswhitcombe",
    "displayName" : "Jess Whitcombe"
  },
  "archiveInfo" : {
    "sizeBytes" : "48213",
    "generationDate" : "2025-11-02T09:12:44.000Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README.txt"
  },
  "dataTypes" : {
    "account" : {
      "files" : [
        {
          "fileName" : "data/account.js",
          "globalName" : "YTD.account.part0",
          "count" : "1"
        }
      ]
    },
    "directMessages" : {
      "files" : [
        {
          "fileName" : "data/direct-messages.js",
          "globalName" : "YTD.direct_messages.part0",
          "count" : "2"
        }
      ]
    },
    "follower" : {
      "files" : [
        {
          "fileName" : "data/follower.js",
          "globalName" : "YTD.follower.part0",
          "count" : "14"
        }
      ]
    },
    "following" : {
      "files" : [
        {
          "fileName" : "data/following.js",
          "globalName" : "YTD.following.part0",
          "count" : "10"
        }
      ]
    },
    "like" : {
      "files" : [
        {
          "fileName" : "data/like.js",
          "globalName" : "YTD.like.part0",
          "count" : "4"
        }
      ]
    },
    "niDevices" : {
      "files" : [
        {
          "fileName" : "data/ni-devices.js",
          "globalName" : "YTD.ni_devices.part0",
          "count" : "1"
        }
      ]
    },
    "profile" : {
      "files" : [
        {
          "fileName" : "data/profile.js",
          "globalName" : "YTD.profile.part0",
          "count" : "1"
        }
      ]
    },
    "protectedHistory" : {
      "files" : [
        {
          "fileName" : "data/protected-history.js",
          "globalName" : "YTD.protected_history.part0",
          "count" : "0"
        }
      ]
    },
    "tweets" : {
      "files" : [
        {
          "fileName" : "data/tweets.js",
          "globalName" : "YTD.tweets.part0",
          "count" : "40"
        }
      ]
    }
  }
}