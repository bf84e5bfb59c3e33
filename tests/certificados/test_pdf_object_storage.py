"""Images on the certificate come through the storage when it has no local path
(S3-compatible object storage), not only from disk."""

import pytest
from django.core.files.storage import InMemoryStorage, Storage

from certificados.pdf import image_reader
from tests.factories import site_image

pytestmark = pytest.mark.django_db


class ObjectStorage(Storage):
    """Like S3: files are read through the storage; there is no local path
    (Storage.path raises NotImplementedError)."""

    def __init__(self):
        self._memory = InMemoryStorage()

    def _open(self, name, mode="rb"):
        return self._memory._open(name, mode)

    def _save(self, name, content):
        return self._memory._save(name, content)

    def exists(self, name):
        return self._memory.exists(name)


def test_an_image_on_storage_without_paths_is_read_through_the_storage():
    image = site_image()
    memory = ObjectStorage()
    with image.file.open("rb") as original:
        name = memory.save("original_images/logo.png", original)
    image.file.storage = memory
    image.file.name = name
    with pytest.raises(NotImplementedError):
        _ = image.file.path

    reader = image_reader(image)

    assert reader is not None
    assert reader.getSize() == (64, 36)


def test_a_missing_object_gives_no_image_rather_than_an_error():
    image = site_image()
    image.file.storage = ObjectStorage()
    image.file.name = "original_images/no-existe.png"

    assert image_reader(image) is None
