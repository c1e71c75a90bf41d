window.YTD.profile.part0 = [
  {
    "profile" : {
      "description" : {
        "bio" : "Counsellor in Millbrook. Runner, questionable bassist, aunt x3. Views my own.",
        "website" : "",
        "location" : "Millbrook"
      },
      "avatarMediaUrl" : "https://pbs.twimg.com/profile_images/1290460000000000000/demo_400x400.jpg"
    }
  }
]