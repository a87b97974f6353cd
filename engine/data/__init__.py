"""Images and folders of them: decoding, class-folder data sets, webcam recording and video sources."""
